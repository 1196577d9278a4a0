package io.hfthot.engine.quota;

import io.hfthot.engine.ErrorCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaEngineTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final QuotaEngine engine = new QuotaEngine(QuotaTable.seed000(), new SlidingLogRateLimiter(),
            new InMemoryStreamLimiter());

    private static Principal principal(Tier tier) {
        return new Principal("key-" + tier.id(), "owner-" + tier.id(), tier, Instant.parse("2026-01-10T00:00:00Z"));
    }

    @Test
    void tierGatesFollowTheTable() {
        List<Feature> gated = List.of(Feature.GRPC_ACCESS, Feature.MFG_SIGNALS, Feature.PARQUET_EXPORT, Feature.BACKTEST,
                Feature.LAKEHOUSE_SQL);
        for (Tier tier : Tier.values()) {
            for (Feature feature : gated) {
                QuotaDecision d = engine.decide(principal(tier), feature, NOW);
                Tier needed = QuotaTable.seed000().lowestTierWith(feature).orElseThrow();
                assertEquals(tier.atLeast(needed), d.allowed(), feature + " / " + tier);
                if (!d.allowed()) {
                    assertEquals(ErrorCode.TIER_REQUIRED, d.code());
                    assertEquals("TIER_REQUIRED", d.errorCode());
                    assertEquals(needed, d.requiredTier());
                    assertTrue(d.message().contains(needed.displayName()), d.message());
                    assertTrue(d.message().contains(tier.displayName()), d.message());
                    assertEquals(Map.of(), d.rateLimitHeaders());
                }
            }
        }
    }

    @Test
    void restWindowCarriesHeadersAndRefusesWith429() {
        Principal free = principal(Tier.FREE_BETA);
        for (int i = 0; i < 60; i++) {
            QuotaDecision d = engine.decide(free, Feature.REST_REQUEST, NOW.plusMillis(i));
            assertTrue(d.allowed());
            assertEquals(Map.of("X-RateLimit-Limit", "60", "X-RateLimit-Remaining", Integer.toString(59 - i),
                    "X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 60)), d.rateLimitHeaders());
        }
        QuotaDecision refused = engine.decide(free, Feature.REST_REQUEST, NOW.plusSeconds(30));
        assertEquals(ErrorCode.RATE_LIMITED, refused.code());
        assertEquals("RATE_LIMITED", refused.errorCode());
        assertEquals("0", refused.rateLimitHeaders().get("X-RateLimit-Remaining"));
        assertTrue(refused.message().contains("60 per minute"), refused.message());
        assertTrue(engine.decide(free, Feature.REST_REQUEST, NOW.plusSeconds(60)).allowed());
    }

    @Test
    void enterpriseIsUnmetered() {
        for (int i = 0; i < 5000; i++) {
            QuotaDecision d = engine.decide(principal(Tier.ENTERPRISE), Feature.REST_REQUEST, NOW);
            assertTrue(d.allowed());
            assertFalse(d.hasRateLimit());
        }
    }

    @Test
    void sqlPerHourAndPortfolioPerDay() {
        Principal hob = principal(Tier.HOBBYIST);
        for (int i = 0; i < 10; i++) {
            assertTrue(engine.decide(hob, Feature.LAKEHOUSE_SQL, NOW.plusSeconds(i)).allowed());
        }
        QuotaDecision sql = engine.decide(hob, Feature.LAKEHOUSE_SQL, NOW.plus(Duration.ofMinutes(59)));
        assertEquals(QuotaDecision.Outcome.RATE_LIMITED, sql.outcome());
        assertEquals(NOW.plus(Duration.ofHours(1)).getEpochSecond(), sql.resetEpochSecond());
        assertTrue(engine.decide(hob, Feature.LAKEHOUSE_SQL, NOW.plus(Duration.ofHours(1))).allowed());

        Principal free = principal(Tier.FREE_BETA);
        for (int i = 0; i < 5; i++) {
            assertTrue(engine.decide(free, Feature.PORTFOLIO_OPTIMIZATION, NOW.plusSeconds(i)).allowed());
        }
        assertFalse(engine.decide(free, Feature.PORTFOLIO_OPTIMIZATION, NOW.plus(Duration.ofHours(23))).allowed());
        assertTrue(engine.decide(free, Feature.PORTFOLIO_OPTIMIZATION, NOW.plus(Duration.ofDays(1))).allowed());
        // Separate buckets: portfolio use does not spend the REST window.
        assertEquals(59, engine.decide(free, Feature.REST_REQUEST, NOW).remaining());
    }

    @Test
    void websocketStreamsAreLeased() {
        Principal hob = principal(Tier.HOBBYIST);
        StreamGrant a = engine.openStream(hob, NOW);
        StreamGrant b = engine.openStream(hob, NOW);
        StreamGrant c = engine.openStream(hob, NOW);
        assertEquals(0, c.decision().remaining());
        StreamGrant d = engine.openStream(hob, NOW);
        assertFalse(d.decision().allowed());
        assertEquals(ErrorCode.RATE_LIMITED, d.decision().code());
        assertTrue(d.held().isEmpty());
        assertFalse(engine.decide(hob, Feature.WEBSOCKET_STREAM, NOW).allowed());
        a.lease().close();
        assertEquals(2, engine.activeStreams(hob));
        assertTrue(engine.decide(hob, Feature.WEBSOCKET_STREAM, NOW).allowed());
        assertTrue(engine.openStream(hob, NOW).decision().allowed());
        b.lease().close();
        c.lease().close();

        Principal ent = principal(Tier.ENTERPRISE);
        for (int i = 0; i < 100; i++) {
            assertTrue(engine.openStream(ent, NOW).decision().allowed());
        }
        assertEquals(100, engine.activeStreams(ent));
    }

    @Test
    void historyDepthDecisions() {
        Principal free = principal(Tier.FREE_BETA);
        assertTrue(engine.historyFrom(free, NOW.minus(Duration.ofDays(30)), NOW).allowed());
        QuotaDecision tooFar = engine.historyFrom(free, NOW.minus(Duration.ofDays(31)), NOW);
        assertEquals(ErrorCode.TIER_REQUIRED, tooFar.code());
        assertEquals(Tier.HOBBYIST, tooFar.requiredTier());
        assertTrue(tooFar.message().contains("Hobbyist") && tooFar.message().contains("30 days"), tooFar.message());
        QuotaDecision decade = engine.historyFrom(principal(Tier.PROFESSIONAL), Instant.parse("2016-01-01T00:00:00Z"), NOW);
        assertEquals(Tier.ENTERPRISE, decade.requiredTier());
        assertTrue(engine.historyFrom(principal(Tier.ENTERPRISE), Instant.parse("1990-01-01T00:00:00Z"), NOW).allowed());
        assertEquals(Instant.parse("2025-03-01T12:00:00Z"), engine.earliestAllowed(Tier.HOBBYIST, NOW));
    }

    @Test
    void peekReportsWithoutSpending() {
        Principal pro = principal(Tier.PROFESSIONAL);
        engine.decide(pro, Feature.REST_REQUEST, NOW);
        assertEquals(1999, engine.peek(pro, Feature.REST_REQUEST, NOW).orElseThrow().remaining());
        assertEquals(1999, engine.peek(pro, Feature.REST_REQUEST, NOW).orElseThrow().remaining());
        assertTrue(engine.peek(pro, Feature.GRPC_ACCESS, NOW).isEmpty());
    }
}
