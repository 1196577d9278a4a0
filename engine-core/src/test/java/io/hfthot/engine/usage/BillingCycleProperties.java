package io.hfthot.engine.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The billing cycle end is the first monthly anniversary of the anchor after now. */
class BillingCycleProperties {
    @Property(tries = 500)
    void endIsTheNextAnniversary(@ForAll @LongRange(min = 1_600_000_000L, max = 1_900_000_000L) long anchorSeconds,
                                 @ForAll @LongRange(min = 0, max = 10L * 365 * 86_400) long elapsedSeconds) {
        Instant anchor = Instant.ofEpochSecond(anchorSeconds);
        Instant now = anchor.plusSeconds(elapsedSeconds);
        Instant end = BillingCycle.end(anchor, now);
        assertTrue(end.isAfter(now));
        assertTrue(Duration.between(now, end).compareTo(Duration.ofDays(31)) <= 0);
        // Brute force: walk the anniversaries one month at a time from the anchor.
        OffsetDateTime start = anchor.atOffset(ZoneOffset.UTC);
        int n = 0;
        while (!start.plusMonths(n).toInstant().isAfter(now)) {
            n++;
        }
        assertEquals(start.plusMonths(n).toInstant(), end);
    }

    @Example
    void endOfMonthAnchorsDoNotDrift() {
        Instant anchor = Instant.parse("2026-01-31T09:00:00Z");
        assertEquals(Instant.parse("2026-02-28T09:00:00Z"), BillingCycle.end(anchor, Instant.parse("2026-02-10T00:00:00Z")));
        assertEquals(Instant.parse("2026-03-31T09:00:00Z"), BillingCycle.end(anchor, Instant.parse("2026-03-01T00:00:00Z")));
        assertEquals(Instant.parse("2026-02-28T09:00:00Z"), BillingCycle.end(anchor, anchor));
    }
}
