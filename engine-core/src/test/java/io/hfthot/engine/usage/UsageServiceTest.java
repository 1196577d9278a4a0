package io.hfthot.engine.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.access.Authentication;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.quota.Feature;
import io.hfthot.engine.quota.StreamGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageServiceTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-15T23:59:00Z"));
    private final AccessControl access = AccessControl.inMemory(clock, RandomSecrets.system());

    @Test
    void reportsSeed000FieldsAndResetsAtUtcMidnight() {
        String raw = access.keys().issue("user-123", Tier.PROFESSIONAL).rawKey();
        var principal = ((Authentication.Authenticated) access.authenticate(raw)).principal();
        for (int i = 0; i < 7; i++) {
            access.decide(principal, Feature.REST_REQUEST, clock.instant());
        }
        // A refused or non-REST decision is not a request served.
        access.decide(principal, Feature.LAKEHOUSE_SQL, clock.instant());
        StreamGrant stream = access.openStream(principal, clock.instant());

        Map<String, Object> fields = access.usage(principal, clock.instant()).toFields();
        assertEquals(List.of("requests_today", "daily_limit", "ws_active", "ws_max", "tier", "billing_cycle_end"),
                List.copyOf(fields.keySet()));
        assertEquals(7L, fields.get("requests_today"));
        assertEquals(2000L * 1440, fields.get("daily_limit"));
        assertEquals(1, fields.get("ws_active"));
        assertEquals(10L, fields.get("ws_max"));
        assertEquals("professional", fields.get("tier"));
        assertEquals("2026-02-15T23:59:00Z", fields.get("billing_cycle_end"));

        stream.lease().close();
        clock.advance(Duration.ofMinutes(2));
        AccountUsage nextDay = access.usage(principal, clock.instant());
        assertEquals(0, nextDay.requestsToday());
        assertEquals(0, nextDay.wsActive());
    }

    @Test
    void enterpriseLimitsAreUnlimited() {
        String raw = access.keys().issue("big", Tier.ENTERPRISE).rawKey();
        var principal = ((Authentication.Authenticated) access.authenticate(raw)).principal();
        Map<String, Object> fields = access.usage(principal, clock.instant()).toFields();
        assertEquals("unlimited", fields.get("daily_limit"));
        assertEquals("unlimited", fields.get("ws_max"));
        assertEquals("enterprise", fields.get("tier"));
    }
}
