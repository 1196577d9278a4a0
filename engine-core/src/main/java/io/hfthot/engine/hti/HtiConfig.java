package io.hfthot.engine.hti;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link HtiService}.
 *
 * @param passInterval    how often the idea generator runs, in [100 ms, 1 h]
 * @param historyCapacity ideas kept in memory for history queries, in [100, 1,000,000]
 * @param streamQueue     ideas queued per stream before a client that does not read is disconnected, in
 *                        [16, 100,000]
 * @param demoCodes       whether three demo codes are issued at first start
 * @param background      whether the generator runs on its own schedule (else only through
 *                        {@link HtiService#runOnce()})
 */
public record HtiConfig(Duration passInterval, int historyCapacity, int streamQueue, boolean demoCodes,
                        boolean background) {
    /** Validates the settings. */
    public HtiConfig {
        Objects.requireNonNull(passInterval, "passInterval");
        if (passInterval.compareTo(Duration.ofMillis(100)) < 0 || passInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("passInterval must be in [100 ms, 1 h], got " + passInterval);
        }
        if (historyCapacity < 100 || historyCapacity > 1_000_000) {
            throw new IllegalArgumentException("historyCapacity must be in [100, 1000000], got " + historyCapacity);
        }
        if (streamQueue < 16 || streamQueue > 100_000) {
            throw new IllegalArgumentException("streamQueue must be in [16, 100000], got " + streamQueue);
        }
    }

    /**
     * The server's settings: a pass every 2 s, 10,000 ideas of history, 256 queued ideas per stream, demo codes,
     * background generation.
     *
     * @return the settings
     */
    public static HtiConfig defaults() {
        return new HtiConfig(Duration.ofSeconds(2), 10_000, 256, true, true);
    }

    /**
     * Returns a copy with another pass interval.
     *
     * @param interval the interval
     * @return the copy
     */
    public HtiConfig withPassInterval(Duration interval) {
        return new HtiConfig(interval, historyCapacity, streamQueue, demoCodes, background);
    }

    /**
     * Returns a copy with demo codes on or off.
     *
     * @param on whether demo codes are issued
     * @return the copy
     */
    public HtiConfig withDemoCodes(boolean on) {
        return new HtiConfig(passInterval, historyCapacity, streamQueue, on, background);
    }

    /**
     * Returns a copy with background generation on or off.
     *
     * @param on whether the generator runs on its own
     * @return the copy
     */
    public HtiConfig withBackground(boolean on) {
        return new HtiConfig(passInterval, historyCapacity, streamQueue, demoCodes, on);
    }

    /**
     * Returns a copy with another stream queue bound.
     *
     * @param ideas ideas queued per stream
     * @return the copy
     */
    public HtiConfig withStreamQueue(int ideas) {
        return new HtiConfig(passInterval, historyCapacity, ideas, demoCodes, background);
    }
}
