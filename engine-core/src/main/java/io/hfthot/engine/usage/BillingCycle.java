package io.hfthot.engine.usage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Monthly billing cycles anchored at an account's start: a cycle ends on the same day-of-month and time
 * (clamped to the month's last day, e.g. 31 January renews on 28 or 29 February) in UTC.
 */
public final class BillingCycle {
    private BillingCycle() {
    }

    /**
     * Returns the end of the cycle containing {@code now}: the first monthly anniversary of
     * {@code anchor} strictly after {@code now}.
     *
     * @param anchor when billing started
     * @param now    the current time
     * @return the cycle end
     */
    public static Instant end(Instant anchor, Instant now) {
        if (anchor == null || now == null) {
            throw new IllegalArgumentException("anchor and now must not be null");
        }
        OffsetDateTime start = anchor.atOffset(ZoneOffset.UTC);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        // Each anniversary is computed from the anchor, not from the previous one, so clamping at the end
        // of a short month does not drift later cycles (31 Jan -> 28 Feb -> 31 Mar).
        long months = Math.max(0, ChronoUnit.MONTHS.between(start, at));
        OffsetDateTime end = start.plusMonths(months);
        while (!end.isAfter(at)) {
            months++;
            end = start.plusMonths(months);
        }
        return end.toInstant();
    }
}
