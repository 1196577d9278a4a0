package io.hfthot.engine.marketmaker;

/**
 * A {@link Ledger}'s state, as stored in the session journal.
 *
 * @param startingCash    cash at the start of the session
 * @param cash            cash now
 * @param inventory       position in shares
 * @param tradingCashFlow sells minus buys, in dollars
 * @param feesUsd         fees paid
 * @param gasUsd          gas paid, in dollars
 * @param maticBalance    MATIC/POL left for gas
 * @param sessionVolume   traded notional
 * @param tradesCount     executions
 * @param placements      orders placed
 * @param orderUpdates    orders updated (reposts)
 */
public record LedgerState(double startingCash, double cash, double inventory, double tradingCashFlow, double feesUsd,
                          double gasUsd, double maticBalance, double sessionVolume, long tradesCount, long placements,
                          long orderUpdates) {
    /** Checks that every amount is finite and every counter non-negative. */
    public LedgerState {
        for (double v : new double[] {startingCash, cash, inventory, tradingCashFlow, feesUsd, gasUsd, maticBalance,
                sessionVolume}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("ledger amounts must be finite, got " + v);
            }
        }
        if (tradesCount < 0 || placements < 0 || orderUpdates < 0) {
            throw new IllegalArgumentException("ledger counters must be >= 0");
        }
    }

    /**
     * A fresh session.
     *
     * @param cash  starting cash in dollars
     * @param matic starting MATIC/POL balance
     * @return the state
     */
    public static LedgerState fresh(double cash, double matic) {
        return new LedgerState(cash, cash, 0, 0, 0, 0, matic, 0, 0, 0, 0);
    }
}
