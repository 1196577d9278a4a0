package io.hfthot.engine.quota;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How far back a tier may read history: a calendar period counted back from "now" in UTC, or unbounded.
 *
 * @param period the depth, or null when unbounded
 */
public record HistoricalDepth(Period period) {
    /** Validates that a bounded depth is positive. */
    public HistoricalDepth {
        if (period != null && (period.isNegative() || period.isZero())) {
            throw new IllegalArgumentException("period must be positive (or null for unbounded), got " + period);
        }
    }

    /**
     * Returns an unbounded depth.
     *
     * @return unbounded
     */
    public static HistoricalDepth unbounded() {
        return new HistoricalDepth(null);
    }

    /**
     * Returns a depth of whole days.
     *
     * @param days the depth in days
     * @return the depth
     */
    public static HistoricalDepth days(int days) {
        return new HistoricalDepth(Period.ofDays(days));
    }

    /**
     * Returns a depth of whole years.
     *
     * @param years the depth in years
     * @return the depth
     */
    public static HistoricalDepth years(int years) {
        return new HistoricalDepth(Period.ofYears(years));
    }

    /**
     * Tells whether there is no bound.
     *
     * @return true when unbounded
     */
    public boolean isUnbounded() {
        return period == null;
    }

    /**
     * Returns the earliest instant readable at {@code now}: {@code now} minus the period on the UTC
     * calendar (so one year back from 29 February lands on 28 February), or {@link Instant#MIN}.
     *
     * @param now the current time
     * @return the earliest readable instant
     */
    public Instant earliestAllowed(Instant now) {
        if (period == null) {
            return Instant.MIN;
        }
        return now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }

    /**
     * Describes the depth for people, e.g. {@code 1 year}.
     *
     * @return a short phrase
     */
    public String describe() {
        if (period == null) {
            return "unlimited";
        }
        if (period.getYears() > 0 && period.getMonths() == 0 && period.getDays() == 0) {
            return period.getYears() + (period.getYears() == 1 ? " year" : " years");
        }
        if (period.getYears() == 0 && period.getMonths() == 0) {
            return period.getDays() + (period.getDays() == 1 ? " day" : " days");
        }
        return period.toString();
    }
}
