package io.hfthot.engine.market;

import io.hfthot.engine.EngineException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A bar interval of the OHLCV API. Buckets are aligned to the UTC epoch: a bar with open time
 * {@code t} covers {@code [t, t + millis())} and {@code t % millis() == 0}. Each interval divides the
 * next coarser one, so every bar is the aggregate of the finer bars inside its bucket.
 */
public enum Interval {
    /** One minute. */
    ONE_MINUTE("1m", 60_000L),
    /** Five minutes. */
    FIVE_MINUTES("5m", 300_000L),
    /** Fifteen minutes. */
    FIFTEEN_MINUTES("15m", 900_000L),
    /** One hour. */
    ONE_HOUR("1h", 3_600_000L),
    /** One UTC day. */
    ONE_DAY("1d", 86_400_000L);

    private static final String ACCEPTED = Arrays.stream(values()).map(Interval::label)
            .collect(Collectors.joining(", ", "[", "]"));

    private final String label;
    private final long millis;

    Interval(String label, long millis) {
        this.label = label;
        this.millis = millis;
    }

    /**
     * Returns the wire spelling of this interval.
     *
     * @return {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h} or {@code 1d}
     */
    public String label() {
        return label;
    }

    /**
     * Returns the length of one bar.
     *
     * @return the bar length in milliseconds
     */
    public long millis() {
        return millis;
    }

    /**
     * Returns the open time of the bucket containing a timestamp (floor to the interval, UTC-aligned).
     *
     * @param epochMillis a timestamp in Unix milliseconds (may be negative)
     * @return the bucket's open time, a multiple of {@link #millis()}
     */
    public long bucketStart(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }

    /**
     * Returns the next finer interval, or {@code null} for {@link #ONE_MINUTE}.
     *
     * @return the interval this one aggregates from
     */
    public Interval finer() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /**
     * Parses the wire spelling of an interval.
     *
     * @param text the text, e.g. {@code 5m}
     * @return the interval
     * @throws EngineException naming {@code interval} and listing the accepted values when the
     *                                text is not one of them
     */
    public static Interval parse(String text) {
        for (Interval interval : values()) {
            if (interval.label.equals(text)) {
                return interval;
            }
        }
        throw EngineException.invalid("interval",
                "interval must be one of " + ACCEPTED + ", got '" + text + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
