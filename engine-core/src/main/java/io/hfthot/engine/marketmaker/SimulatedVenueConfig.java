package io.hfthot.engine.marketmaker;

import java.util.Objects;

/**
 * The simulated venue's market: tick size, the other makers' ladder, the takers' order flow and the fees.
 *
 * @param seed                    seed of the venue's random flow (same seed and same reference path: same market)
 * @param ticksPerDollar          {@code 1 / tickSize}, in [10, 10000] (1000: a 0.001 tick)
 * @param levels                  price levels the other makers keep on each side, in [1, 100]
 * @param halfSpread              distance of the other makers' best quotes from the fair value, in dollars, {@code > 0}
 * @param levelShares             mean size of the other makers' best level in shares (deeper levels hold more), {@code > 0}
 * @param takerRatePerSecond      market orders per second from other participants, {@code >= 0}
 * @param meanTakerShares         mean size of a market order (exponential), {@code > 0}
 * @param depthVolatility         volatility of the log depth factor (makers adding and pulling liquidity), {@code >= 0}
 * @param depthReversionSeconds   mean-reversion time of the depth factor, {@code > 0}
 * @param maxCatchUpMs            the longest gap one poll simulates (a paused process does not replay hours of flow)
 * @param fees                    fees and gas
 */
public record SimulatedVenueConfig(long seed, int ticksPerDollar, int levels, double halfSpread, double levelShares,
                                   double takerRatePerSecond, double meanTakerShares, double depthVolatility,
                                   double depthReversionSeconds, long maxCatchUpMs, FeeSchedule fees) {
    /** Validates the fields, naming the offending one. */
    public SimulatedVenueConfig {
        Objects.requireNonNull(fees, "fees");
        range(ticksPerDollar, 10, 10_000, "ticksPerDollar");
        range(levels, 1, 100, "levels");
        positive(halfSpread, "halfSpread");
        positive(levelShares, "levelShares");
        if (!(takerRatePerSecond >= 0) || !Double.isFinite(takerRatePerSecond)) {
            throw new IllegalArgumentException("takerRatePerSecond must be a finite number >= 0, got "
                    + takerRatePerSecond);
        }
        positive(meanTakerShares, "meanTakerShares");
        if (!(depthVolatility >= 0) || !Double.isFinite(depthVolatility)) {
            throw new IllegalArgumentException("depthVolatility must be a finite number >= 0, got " + depthVolatility);
        }
        positive(depthReversionSeconds, "depthReversionSeconds");
        if (maxCatchUpMs < 1) {
            throw new IllegalArgumentException("maxCatchUpMs must be >= 1, got " + maxCatchUpMs);
        }
    }

    /**
     * The defaults: a 0.001 tick, ten levels a side from one cent off the fair value, 1000 shares at the best
     * level, one market order a second of 150 shares on average, depth varying by about 40% around its mean
     * over a minute, at most 5 s simulated per poll, {@link FeeSchedule#defaults()}.
     *
     * @param seed the random seed
     * @return the configuration
     */
    public static SimulatedVenueConfig defaults(long seed) {
        return new SimulatedVenueConfig(seed, 1000, 10, 0.01, 1000, 1.0, 150, 0.4, 60, 5000, FeeSchedule.defaults());
    }

    /** @return the tick size {@code 1 / ticksPerDollar} */
    public double tickSize() {
        return 1.0 / ticksPerDollar;
    }

    private static void range(int v, int lo, int hi, String name) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    private static void positive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + v);
        }
    }
}
