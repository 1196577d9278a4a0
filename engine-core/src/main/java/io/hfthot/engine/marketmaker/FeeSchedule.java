package io.hfthot.engine.marketmaker;

/**
 * What trading costs on a venue: exchange fees in basis points of the notional, and the chain's gas for each
 * order placement or update, paid from a MATIC/POL balance.
 *
 * @param makerFeeBps   fee on executions of resting orders, basis points of notional, in [0, 1000]
 * @param takerFeeBps   fee on executions of crossing orders, basis points of notional, in [0, 1000]
 * @param gasPerOrderUsd gas for one placement or one update (cancel-replace), in dollars, {@code >= 0}
 * @param maticPriceUsd the dollar price of one MATIC/POL, used to debit the gas balance, {@code > 0}
 */
public record FeeSchedule(double makerFeeBps, double takerFeeBps, double gasPerOrderUsd, double maticPriceUsd) {
    /** Validates the fields, naming the offending one. */
    public FeeSchedule {
        checkBps(makerFeeBps, "makerFeeBps");
        checkBps(takerFeeBps, "takerFeeBps");
        if (!(gasPerOrderUsd >= 0) || !Double.isFinite(gasPerOrderUsd)) {
            throw new IllegalArgumentException("gasPerOrderUsd must be a finite number >= 0, got " + gasPerOrderUsd);
        }
        if (!(maticPriceUsd > 0) || !Double.isFinite(maticPriceUsd)) {
            throw new IllegalArgumentException("maticPriceUsd must be a finite number > 0, got " + maticPriceUsd);
        }
    }

    /**
     * The simulated venue's schedule: no maker fee, 20 bps taker fee, $0.01 of gas per placement or update,
     * POL at $0.50 (constants of the simulation, not live quotes).
     *
     * @return the defaults
     */
    public static FeeSchedule defaults() {
        return new FeeSchedule(0, 20, 0.01, 0.50);
    }

    /**
     * The fee on an execution.
     *
     * @param notional  the executed notional in dollars
     * @param liquidity maker or taker
     * @return the fee in dollars
     */
    public double fee(double notional, Liquidity liquidity) {
        return notional * (liquidity == Liquidity.MAKER ? makerFeeBps : takerFeeBps) / 10_000.0;
    }

    private static void checkBps(double v, String name) {
        if (!(v >= 0 && v <= 1000)) {
            throw new IllegalArgumentException(name + " must be in [0, 1000] basis points, got " + v);
        }
    }
}
