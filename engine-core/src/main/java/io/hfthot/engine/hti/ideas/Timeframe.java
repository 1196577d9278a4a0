package io.hfthot.engine.hti.ideas;

import io.hfthot.engine.market.Interval;
import java.util.Locale;

/**
 * The bar sizes trade ideas are generated on, with their {@code TIMEFRAME} names. The names are uppercase
 * (profile filters compare uppercase) and unambiguous ({@code M1} is one minute, never one month), as
 * trading terminals spell them.
 */
public enum Timeframe {
    /** One-minute bars. */
    M1(Interval.ONE_MINUTE),
    /** Five-minute bars. */
    M5(Interval.FIVE_MINUTES),
    /** Fifteen-minute bars. */
    M15(Interval.FIFTEEN_MINUTES),
    /** One-hour bars. */
    H1(Interval.ONE_HOUR);

    private final Interval interval;

    Timeframe(Interval interval) {
        this.interval = interval;
    }

    /**
     * Returns the bar interval.
     *
     * @return the interval
     */
    public Interval interval() {
        return interval;
    }

    /**
     * Returns the bar length.
     *
     * @return milliseconds
     */
    public long millis() {
        return interval.millis();
    }

    /**
     * Parses a name.
     *
     * @param text e.g. {@code m15}
     * @return the timeframe
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Timeframe parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("timeframe must be one of M1, M5, M15, H1, got " + text);
        }
    }
}
