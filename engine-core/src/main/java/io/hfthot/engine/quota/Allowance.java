package io.hfthot.engine.quota;

import java.time.Duration;

/**
 * One cell of the tier table: what a tier may do with one feature.
 *
 * @param kind   denied, granted without limit, limited per sliding window, or limited in concurrency
 * @param limit  events per window ({@link Kind#WINDOW}) or simultaneous leases ({@link Kind#CONCURRENT});
 *               0 otherwise
 * @param window the sliding window length for {@link Kind#WINDOW}; {@link Duration#ZERO} otherwise
 */
public record Allowance(Kind kind, long limit, Duration window) {
    /** The shape of an allowance. */
    public enum Kind {
        /** Not part of the tier: 403 {@code TIER_REQUIRED}. */
        DENIED,
        /** Part of the tier without a count limit ("unlimited" or a tick in the table). */
        UNLIMITED,
        /** At most {@code limit} events in any window of length {@code window}. */
        WINDOW,
        /** At most {@code limit} simultaneous leases. */
        CONCURRENT
    }

    private static final Allowance DENIED = new Allowance(Kind.DENIED, 0, Duration.ZERO);
    private static final Allowance UNLIMITED = new Allowance(Kind.UNLIMITED, 0, Duration.ZERO);

    /** Validates that the limit and window fit the kind. */
    public Allowance {
        if (kind == null || window == null) {
            throw new IllegalArgumentException("kind and window must not be null");
        }
        boolean counted = kind == Kind.WINDOW || kind == Kind.CONCURRENT;
        if (counted && limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1 for " + kind + ", got " + limit);
        }
        if (!counted && limit != 0) {
            throw new IllegalArgumentException("limit must be 0 for " + kind + ", got " + limit);
        }
        if (kind == Kind.WINDOW ? window.isZero() || window.isNegative() : !window.isZero()) {
            throw new IllegalArgumentException("window must be > 0 for WINDOW and zero otherwise, got "
                    + window + " for " + kind);
        }
    }

    /**
     * Returns the allowance of a feature outside the tier.
     *
     * @return a denied allowance
     */
    public static Allowance denied() {
        return DENIED;
    }

    /**
     * Returns the allowance of a feature in the tier without a count limit.
     *
     * @return an unlimited allowance
     */
    public static Allowance unlimited() {
        return UNLIMITED;
    }

    /**
     * Returns a sliding-window allowance.
     *
     * @param limit  events per window
     * @param window window length
     * @return the allowance
     */
    public static Allowance perWindow(long limit, Duration window) {
        return new Allowance(Kind.WINDOW, limit, window);
    }

    /**
     * Returns a per-minute allowance.
     *
     * @param limit events per minute
     * @return the allowance
     */
    public static Allowance perMinute(long limit) {
        return perWindow(limit, Duration.ofMinutes(1));
    }

    /**
     * Returns a per-hour allowance.
     *
     * @param limit events per hour
     * @return the allowance
     */
    public static Allowance perHour(long limit) {
        return perWindow(limit, Duration.ofHours(1));
    }

    /**
     * Returns a per-day allowance (a sliding 24-hour window).
     *
     * @param limit events per day
     * @return the allowance
     */
    public static Allowance perDay(long limit) {
        return perWindow(limit, Duration.ofDays(1));
    }

    /**
     * Returns a concurrency allowance.
     *
     * @param limit simultaneous leases
     * @return the allowance
     */
    public static Allowance concurrent(long limit) {
        return new Allowance(Kind.CONCURRENT, limit, Duration.ZERO);
    }

    /**
     * Tells whether the tier includes the feature at all.
     *
     * @return false only for {@link Kind#DENIED}
     */
    public boolean included() {
        return kind != Kind.DENIED;
    }

    /**
     * Describes the allowance for people, e.g. {@code 300 per minute}.
     *
     * @return a short phrase
     */
    public String describe() {
        switch (kind) {
            case DENIED:
                return "not included";
            case UNLIMITED:
                return "unlimited";
            case CONCURRENT:
                return limit + " at a time";
            default:
                return limit + " per " + windowName(window);
        }
    }

    static String windowName(Duration window) {
        if (window.equals(Duration.ofMinutes(1))) {
            return "minute";
        }
        if (window.equals(Duration.ofHours(1))) {
            return "hour";
        }
        if (window.equals(Duration.ofDays(1))) {
            return "day";
        }
        return window.toString();
    }
}
