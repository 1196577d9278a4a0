package io.hfthot.engine.hti.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.quota.SlidingLogRateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HtiAccessTest {
    private final TestClock clock = TestClock.fixed();
    private final InMemoryProfileStore store = new InMemoryProfileStore();
    private final HtiAccess access = new HtiAccess(store, RandomSecrets.system(), new SlidingLogRateLimiter(), clock);
    private final IdeaFilters filters = new IdeaFilters(Set.of("forex"), new LinkedHashSet<>(List.of("h1", "H4")), Set.of(),
            Set.of("FX"), Set.of("buy"));

    @Test
    void authenticatesAndRendersTheSeedProfile() {
        Instant until = clock.instant().plus(Duration.ofDays(30));
        IssuedApiCode issued = access.issue("Acme Capital", until, 60, filters);
        assertEquals(Fingerprint.of(issued.code()), store.all().get(0).fingerprint());
        assertFalse(store.all().get(0).toString().contains(issued.code()));

        HtiAuthentication.Accepted ok = assertInstanceOf(HtiAuthentication.Accepted.class,
                access.authenticate(issued.code()));
        Map<String, Object> fields = ok.profile().toFields(issued.code(), ok.authenticatedAt());
        assertEquals(List.of("account_name", "api_code", "validity_type", "valid_until", "request_limit_per_minute",
                "filters", "authenticated_at"), List.copyOf(fields.keySet()));
        assertEquals("Acme Capital", fields.get("account_name"));
        assertEquals(issued.code(), fields.get("api_code"));
        assertEquals("fixed_term", fields.get("validity_type"));
        assertEquals(until.toString(), fields.get("valid_until"));
        assertEquals(60, fields.get("request_limit_per_minute"));
        assertEquals(Map.of("asset_classes", List.of("FOREX"), "timeframes", List.of("H1", "H4"), "instruments", List.of(),
                "prefixes", List.of("FX"), "sides", List.of("BUY")), fields.get("filters"));
        assertEquals(clock.instant().toString(), fields.get("authenticated_at"));
    }

    @Test
    void expiredCodesAreRefused() {
        IssuedApiCode issued = access.issue("Acme", clock.instant().plus(Duration.ofHours(1)), 60, IdeaFilters.all());
        assertInstanceOf(HtiAuthentication.Accepted.class, access.authenticate(issued.code()));
        clock.advance(Duration.ofHours(1));
        HtiAuthentication.Refused refused = assertInstanceOf(HtiAuthentication.Refused.class,
                access.authenticate(issued.code()));
        assertEquals(401, refused.status());
        assertTrue(refused.detail().contains("expired"), refused.detail());
    }

    @Test
    void unknownAndMissingCodesAre401() {
        access.issue("Acme", null, 60, IdeaFilters.all());
        assertEquals(401, ((HtiAuthentication.Refused) access.authenticate(null)).status());
        assertEquals(401, ((HtiAuthentication.Refused) access.authenticate("hti_nope")).status());
    }

    @Test
    void perCodeMinuteLimit() {
        IssuedApiCode issued = access.issue("Acme", null, 3, IdeaFilters.all());
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(HtiAuthentication.Accepted.class, access.authenticate(issued.code()));
        }
        HtiAuthentication.Refused refused = (HtiAuthentication.Refused) access.authenticate(issued.code());
        assertEquals(429, refused.status());
        assertEquals(0, refused.rateLimit().remaining());
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(HtiAuthentication.Accepted.class, access.authenticate(issued.code()));
    }

    @Test
    void updatesKeepTheCode() {
        IssuedApiCode issued = access.issue("Acme", null, 3, IdeaFilters.all());
        HtiProfile p = issued.profile();
        assertTrue(access.update(new HtiProfile(p.fingerprint(), p.accountName(), p.validityType(), p.validUntil(), 100,
                filters, p.createdAt())));
        HtiAuthentication.Accepted ok = (HtiAuthentication.Accepted) access.authenticate(issued.code());
        assertEquals(100, ok.profile().requestLimitPerMinute());
        assertEquals(filters, ok.profile().filters());
    }

    @Test
    void filtersMatchCaseInsensitivelyAndEmptyMeansAll() {
        assertTrue(filters.matches("Forex", "h1", "EURUSD", "fx", "BUY"));
        assertFalse(filters.matches("CRYPTO", "H1", "BTCUSD", "FX", "BUY"));
        assertFalse(filters.matches("FOREX", "M15", "EURUSD", "FX", "BUY"));
        assertFalse(filters.matches("FOREX", "H1", "EURUSD", "FX", "SELL"));
        assertFalse(filters.matches("FOREX", "H1", "EURUSD", null, "BUY"));
        assertTrue(IdeaFilters.all().matches(null, null, null, null, null));
    }

    @Test
    void profileValidation() {
        Fingerprint f = Fingerprint.of("x");
        Instant t = clock.instant();
        assertThrows(IllegalArgumentException.class,
                () -> new HtiProfile(f, "A", ValidityType.UNLIMITED, t, 1, IdeaFilters.all(), t));
        assertThrows(IllegalArgumentException.class,
                () -> new HtiProfile(f, "A", ValidityType.FIXED_TERM, null, 1, IdeaFilters.all(), t));
        assertThrows(IllegalArgumentException.class,
                () -> new HtiProfile(f, "A", ValidityType.UNLIMITED, null, 0, IdeaFilters.all(), t));
        assertThrows(IllegalArgumentException.class,
                () -> new IdeaFilters(Set.of(" "), null, null, null, null));
        assertEquals(ValidityType.FIXED_TERM, ValidityType.parse("FIXED_TERM"));
    }
}
