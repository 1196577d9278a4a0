package io.hfthot.engine.identity.access;

import io.hfthot.engine.ErrorCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.IssuedApiKey;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.quota.Feature;
import io.hfthot.engine.quota.QuotaDecision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessControlTest {
    private final TestClock clock = TestClock.fixed();
    private final AccessControl access = AccessControl.inMemory(clock, RandomSecrets.system());

    @Test
    void missingUnknownAndRevokedKeysAre401() {
        for (String key : new String[] {null, "", "  ", "hft_pro_unknown", "Bearer xyz"}) {
            QuotaDecision d = access.check(key, Feature.REST_REQUEST, clock.instant());
            assertEquals(ErrorCode.UNAUTHORIZED, d.code(), String.valueOf(key));
            assertEquals("UNAUTHORIZED", d.errorCode());
            assertEquals(Feature.REST_REQUEST, d.feature());
            assertTrue(d.message().contains("API key"), d.message());
        }
        IssuedApiKey issued = access.keys().issue("alice", Tier.HOBBYIST);
        assertTrue(access.check(issued.rawKey(), Feature.REST_REQUEST, clock.instant()).allowed());
        // Surrounding whitespace in the header is tolerated.
        assertTrue(access.check(" " + issued.rawKey() + " ", Feature.REST_REQUEST, clock.instant()).allowed());
        access.keys().revoke(issued.record().keyId());
        assertEquals(ErrorCode.UNAUTHORIZED, access.check(issued.rawKey(), Feature.REST_REQUEST, clock.instant()).code());
    }

    @Test
    void onlyAdmittedRestRequestsAreCounted() {
        IssuedApiKey issued = access.keys().issue("bob", Tier.FREE_BETA);
        Principal p = ((Authentication.Authenticated) access.authenticate(issued.rawKey())).principal();
        for (int i = 0; i < 65; i++) {
            access.decide(p, Feature.REST_REQUEST, clock.instant());
        }
        access.decide(p, Feature.PORTFOLIO_OPTIMIZATION, clock.instant());
        assertEquals(ErrorCode.TIER_REQUIRED, access.decide(p, Feature.BACKTEST, clock.instant()).code());
        assertEquals(60, access.usage(p, clock.instant()).requestsToday());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(access.decide(p, Feature.REST_REQUEST, clock.instant()).allowed());
        assertEquals(61, access.usage(p, clock.instant()).requestsToday());
        assertInstanceOf(Authentication.Rejected.class, access.authenticate("hft_free_nope"));
    }

    @Test
    void streamsAndHistoryGoThroughTheFacade() {
        Principal p = ((Authentication.Authenticated) access.authenticate(
                access.keys().issue("carol", Tier.FREE_BETA).rawKey())).principal();
        var first = access.openStream(p, clock.instant());
        assertTrue(first.decision().allowed());
        assertEquals(ErrorCode.RATE_LIMITED, access.openStream(p, clock.instant()).decision().code());
        first.lease().close();
        assertTrue(access.openStream(p, clock.instant()).decision().allowed());
        assertEquals(Tier.HOBBYIST, access.historyFrom(p, clock.instant().minus(Duration.ofDays(60)), clock.instant())
                .requiredTier());
    }
}
