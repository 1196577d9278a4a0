package io.hfthot.engine.marketmaker;

import java.util.SplittableRandom;

/**
 * The simulated venue's other liquidity providers: a ladder of {@code levels} price levels on each side around
 * the fair value, whose sizes persist between polls (so that the bot's queue position means something), are
 * pulled when they would stand on the wrong side of the fair value, refilled when emptied, resized at random
 * (adds and cancels) and scaled by a mean-reverting depth factor. Sizes are indexed by price in ticks,
 * {@code 1 .. ticksPerDollar - 1}. Not thread-safe: owned by one {@link SimulatedVenue}.
 */
final class OtherMakers {
    /** A level is resized on average once per this many seconds. */
    private static final double RESIZE_SECONDS = 5;

    private final SimulatedVenueConfig config;
    private final SplittableRandom random;
    final double[] bids;
    final double[] asks;
    private double logDepth;

    OtherMakers(SimulatedVenueConfig config, SplittableRandom random) {
        this.config = config;
        this.random = random;
        this.bids = new double[config.ticksPerDollar()];
        this.asks = new double[config.ticksPerDollar()];
    }

    /** @return the depth factor, {@code exp} of a mean-reverting Gaussian with mean 0 */
    double depthFactor() {
        return Math.exp(logDepth);
    }

    /** @return the best (highest) price tick the makers bid at for a fair value */
    int bestBidTick(double fairValue) {
        return Math.max(1, (int) Math.floor((fairValue - config.halfSpread()) * config.ticksPerDollar() + 1e-9));
    }

    /** @return the best (lowest) price tick the makers offer at for a fair value */
    int bestAskTick(double fairValue) {
        return Math.min(config.ticksPerDollar() - 1,
                (int) Math.ceil((fairValue + config.halfSpread()) * config.ticksPerDollar() - 1e-9));
    }

    /**
     * Moves the ladder to a new fair value after {@code dt} seconds: evolves the depth factor, pulls levels on the
     * wrong side or beyond the ladder, resizes some and refills the empty ones.
     *
     * @param fairValue the fair value
     * @param dt        seconds since the previous update
     * @param queues    told of every level that shrinks (the bot's queue position can only improve by it)
     */
    void update(double fairValue, double dt, QueueShrink queues) {
        double decay = Math.exp(-dt / config.depthReversionSeconds());
        logDepth = logDepth * decay + config.depthVolatility() * Math.sqrt(1 - decay * decay) * gaussian();
        int bestBid = bestBidTick(fairValue);
        int bestAsk = bestAskTick(fairValue);
        int n = config.ticksPerDollar();
        double resizeProbability = Math.min(1, dt / RESIZE_SECONDS);
        for (int t = 1; t < n; t++) {
            boolean bidWindow = t <= bestBid && t > bestBid - config.levels();
            boolean askWindow = t >= bestAsk && t < bestAsk + config.levels();
            bids[t] = next(bids[t], bidWindow, bestBid - t, resizeProbability);
            asks[t] = next(asks[t], askWindow, t - bestAsk, resizeProbability);
            queues.shrunk(t, bids[t], asks[t]);
        }
    }

    private double next(double size, boolean inWindow, int depthIndex, double resizeProbability) {
        if (!inWindow) {
            return 0;
        }
        if (size <= 0) {
            return freshSize(depthIndex);
        }
        if (random.nextDouble() < resizeProbability) {
            return Math.max(1, Math.rint(size * (0.7 + 0.6 * random.nextDouble())));
        }
        return size;
    }

    private double freshSize(int depthIndex) {
        double mean = config.levelShares() * (1 + 0.3 * depthIndex) * depthFactor();
        return Math.max(1, Math.rint(mean * (0.5 + random.nextDouble())));
    }

    /**
     * Dollars resting at the best {@code levels} price levels of each side.
     *
     * @return the liquidity
     */
    double liquidity() {
        double tick = config.tickSize();
        double sum = 0;
        int seen = 0;
        for (int t = bids.length - 1; t >= 1 && seen < config.levels(); t--) {
            if (bids[t] > 0) {
                sum += bids[t] * t * tick;
                seen++;
            }
        }
        seen = 0;
        for (int t = 1; t < asks.length && seen < config.levels(); t++) {
            if (asks[t] > 0) {
                sum += asks[t] * t * tick;
                seen++;
            }
        }
        return sum;
    }

    private double gaussian() {
        // Box-Muller on the venue's own generator, so that the flow depends on the seed only.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Told the new sizes of a price level after an update. */
    interface QueueShrink {
        /**
         * @param tick the price tick
         * @param bid  the makers' bid size there now
         * @param ask  the makers' ask size there now
         */
        void shrunk(int tick, double bid, double ask);
    }
}
