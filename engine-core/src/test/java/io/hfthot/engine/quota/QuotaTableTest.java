package io.hfthot.engine.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hfthot.engine.identity.Tier;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaTableTest {
    private final QuotaTable table = QuotaTable.seed000();

    /** Seed 000's "Quotas & Billing" table, transcribed independently as text, one cell per tier. */
    private static final Map<Feature, String[]> SEED = Map.of(
            Feature.REST_REQUEST, new String[] {"60 per minute", "300 per minute", "2000 per minute", "unlimited"},
            Feature.WEBSOCKET_STREAM, new String[] {"1 at a time", "3 at a time", "10 at a time", "unlimited"},
            Feature.GRPC_ACCESS, new String[] {"not included", "not included", "unlimited", "unlimited"},
            Feature.LAKEHOUSE_SQL, new String[] {"not included", "10 per hour", "100 per hour", "unlimited"},
            Feature.PORTFOLIO_OPTIMIZATION, new String[] {"5 per day", "50 per day", "unlimited", "unlimited"},
            Feature.MFG_SIGNALS, new String[] {"not included", "not included", "unlimited", "unlimited"},
            Feature.PARQUET_EXPORT, new String[] {"not included", "unlimited", "unlimited", "unlimited"},
            Feature.BACKTEST, new String[] {"not included", "unlimited", "unlimited", "unlimited"});

    @Test
    void everyCellMatchesSeed000() {
        assertEquals(Feature.values().length, SEED.size());
        for (Map.Entry<Feature, String[]> row : SEED.entrySet()) {
            for (Tier tier : Tier.values()) {
                assertEquals(row.getValue()[tier.ordinal()], table.allowance(tier, row.getKey()).describe(),
                        row.getKey() + " / " + tier);
            }
        }
    }

    @Test
    void historicalDepthPerTier() {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        assertEquals(Instant.parse("2026-01-30T00:00:00Z"), table.earliestAllowed(Tier.FREE_BETA, now));
        assertEquals(Instant.parse("2025-03-01T00:00:00Z"), table.earliestAllowed(Tier.HOBBYIST, now));
        assertEquals(Instant.parse("2021-03-01T00:00:00Z"), table.earliestAllowed(Tier.PROFESSIONAL, now));
        assertEquals(Instant.MIN, table.earliestAllowed(Tier.ENTERPRISE, now));
        assertEquals("30 days", table.historicalDepth(Tier.FREE_BETA).describe());
        assertEquals(Tier.PROFESSIONAL, table.lowestTierReaching(Instant.parse("2023-01-01T00:00:00Z"), now).orElseThrow());
        assertEquals(Tier.ENTERPRISE, table.lowestTierReaching(Instant.parse("2015-01-01T00:00:00Z"), now).orElseThrow());
    }

    @Test
    void lowestTierWithEachFeature() {
        assertEquals(Tier.PROFESSIONAL, table.lowestTierWith(Feature.GRPC_ACCESS).orElseThrow());
        assertEquals(Tier.PROFESSIONAL, table.lowestTierWith(Feature.MFG_SIGNALS).orElseThrow());
        assertEquals(Tier.HOBBYIST, table.lowestTierWith(Feature.PARQUET_EXPORT).orElseThrow());
        assertEquals(Tier.HOBBYIST, table.lowestTierWith(Feature.BACKTEST).orElseThrow());
        assertEquals(Tier.HOBBYIST, table.lowestTierWith(Feature.LAKEHOUSE_SQL).orElseThrow());
        assertEquals(Tier.FREE_BETA, table.lowestTierWith(Feature.REST_REQUEST).orElseThrow());
    }

    @Test
    void builderRefusesIncompleteOrIllShapedTables() {
        assertThrows(IllegalStateException.class, () -> QuotaTable.builder().build());
        assertThrows(IllegalArgumentException.class, () -> QuotaTable.builder()
                .row(Feature.WEBSOCKET_STREAM, Allowance.perMinute(1), Allowance.denied(), Allowance.denied(),
                        Allowance.denied()));
        assertThrows(IllegalArgumentException.class, () -> QuotaTable.builder()
                .row(Feature.REST_REQUEST, Allowance.denied()));
        assertThrows(IllegalArgumentException.class, () -> Allowance.perMinute(0));
    }
}
