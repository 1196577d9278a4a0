package io.hfthot.engine.quota;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.Tier;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Historical depth is monotone in the tier and consistent with the "lowest tier reaching" query. */
class HistoricalDepthProperties {
    private final QuotaTable table = QuotaTable.seed000();

    @Property(tries = 300)
    void higherTiersReachAtLeastAsFar(@ForAll @LongRange(min = 1_000_000_000L, max = 4_000_000_000L) long nowSeconds) {
        Instant now = Instant.ofEpochSecond(nowSeconds);
        Tier[] tiers = Tier.values();
        for (int i = 1; i < tiers.length; i++) {
            assertFalse(table.earliestAllowed(tiers[i], now).isAfter(table.earliestAllowed(tiers[i - 1], now)));
        }
        for (Tier tier : tiers) {
            Instant earliest = table.earliestAllowed(tier, now);
            assertTrue(earliest.isBefore(now));
        }
    }

    @Property(tries = 300)
    void lowestTierReachingIsTheFirstThatAllowsTheStart(
            @ForAll @LongRange(min = 1_600_000_000L, max = 2_000_000_000L) long nowSeconds,
            @ForAll @LongRange(min = 0, max = 20L * 365 * 86_400) long backSeconds) {
        Instant now = Instant.ofEpochSecond(nowSeconds);
        Instant start = now.minus(Duration.ofSeconds(backSeconds));
        Tier lowest = table.lowestTierReaching(start, now).orElseThrow();
        assertFalse(start.isBefore(table.earliestAllowed(lowest, now)));
        if (lowest.ordinal() > 0) {
            assertTrue(start.isBefore(table.earliestAllowed(Tier.values()[lowest.ordinal() - 1], now)));
        }
    }
}
