package io.hfthot.engine.quota;

import java.time.Instant;

/** Conversions between {@link Instant} and epoch nanoseconds used by the limiters. */
final class TimeMath {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private TimeMath() {
    }

    /**
     * Converts an instant to epoch nanoseconds.
     *
     * @throws IllegalArgumentException outside years 1678 to 2262
     */
    static long epochNanos(Instant instant) {
        if (instant == null) {
            throw new IllegalArgumentException("time must not be null");
        }
        long seconds = instant.getEpochSecond();
        // Long.MAX_VALUE / 1e9 ~ 9.22e9 s; stay one second inside so adding the nanos cannot overflow.
        if (seconds <= Long.MIN_VALUE / NANOS_PER_SECOND + 1 || seconds >= Long.MAX_VALUE / NANOS_PER_SECOND - 1) {
            throw new IllegalArgumentException("time must lie between the years 1678 and 2262, got " + instant);
        }
        return seconds * NANOS_PER_SECOND + instant.getNano();
    }

    /** Rounds epoch nanoseconds up to whole epoch seconds. */
    static long ceilEpochSecond(long epochNanos) {
        return -Math.floorDiv(-epochNanos, NANOS_PER_SECOND);
    }
}
