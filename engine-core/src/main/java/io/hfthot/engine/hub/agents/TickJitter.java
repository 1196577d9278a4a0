package io.hfthot.engine.hub.agents;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free histogram of tick-start lateness (actual start minus scheduled start) in 100-microsecond buckets
 * up to 10 s, the last bucket holding everything later. Percentiles are exact to one bucket (0.1 ms), which is
 * fine against a goal stated in tens of milliseconds. Thread-safe.
 */
public final class TickJitter {
    private static final long BUCKET_NANOS = 100_000L;
    private static final int BUCKETS = 100_001;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** Creates an empty recorder. */
    public TickJitter() {
    }

    /**
     * Records one tick start.
     *
     * @param latenessNanos how late it started; negative (early) counts as 0
     */
    public void record(long latenessNanos) {
        long b = Math.max(0, latenessNanos) / BUCKET_NANOS;
        counts.incrementAndGet((int) Math.min(BUCKETS - 1, b));
    }

    /**
     * Returns the number of recorded ticks.
     *
     * @return the count
     */
    public long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /**
     * Returns a percentile of the lateness: the upper edge of the bucket holding the requested rank.
     *
     * @param p the percentile, in (0, 100]
     * @return milliseconds, or 0 when nothing was recorded
     */
    public double percentileMillis(double p) {
        if (!(p > 0) || p > 100) {
            throw new IllegalArgumentException("p must be in (0, 100], got " + p);
        }
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return BUCKETS * BUCKET_NANOS / 1e6;
    }

    /** Forgets every recorded tick (e.g. after a warm-up); ticks recorded concurrently may survive. */
    public void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
    }
}
