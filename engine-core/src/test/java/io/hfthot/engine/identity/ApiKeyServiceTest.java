package io.hfthot.engine.identity;

import io.hfthot.engine.testkit.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {
    private final TestClock clock = TestClock.fixed();
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final ApiKeyService keys = new ApiKeyService(store, RandomSecrets.system(), clock);

    @Test
    void keysCarryTheirTierPrefixAndAuthenticate() {
        for (Tier tier : Tier.values()) {
            IssuedApiKey issued = keys.issue("alice", tier);
            assertTrue(issued.rawKey().startsWith(tier.keyPrefix()), issued.rawKey());
            assertEquals(tier.keyPrefix().length() + 43, issued.rawKey().length());
            Principal p = keys.verify(issued.rawKey()).orElseThrow();
            assertEquals(tier, p.tier());
            assertEquals("alice", p.ownerId());
            assertEquals(issued.record().keyId(), p.keyId());
            assertEquals(clock.instant(), p.createdAt());
        }
    }

    @Test
    void storedRowsNeverHoldTheKey() {
        IssuedApiKey issued = keys.issue("alice", Tier.PROFESSIONAL);
        String raw = issued.rawKey();
        String secretPart = raw.substring(Tier.PROFESSIONAL.keyPrefix().length());
        for (ApiKeyRecord row : store.byOwner("alice")) {
            String rendered = row.toString() + row.hint() + row.fingerprint().toHex() + row.keyId();
            assertFalse(rendered.contains(secretPart), "row exposes the key: " + rendered);
            assertFalse(rendered.contains(secretPart.substring(0, 8)));
            assertEquals(Fingerprint.of(raw), row.fingerprint());
        }
        assertFalse(issued.toString().contains(secretPart));
    }

    @Test
    void keysAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertTrue(seen.add(keys.issue("alice", Tier.FREE_BETA).rawKey()));
        }
    }

    @Test
    void unknownMalformedRevokedAndRetaggedKeysFail() {
        IssuedApiKey issued = keys.issue("alice", Tier.FREE_BETA);
        assertTrue(keys.verify(null).isEmpty());
        assertTrue(keys.verify("").isEmpty());
        assertTrue(keys.verify("not_a_key").isEmpty());
        assertTrue(keys.verify("hft_pro_" + "x".repeat(43)).isEmpty());
        // Swapping the prefix to claim a higher tier changes the fingerprint, so the key is unknown.
        String retagged = issued.rawKey().replace("hft_free_", "hft_ent_");
        assertTrue(keys.verify(retagged).isEmpty());
        clock.advance(Duration.ofMinutes(1));
        ApiKeyRecord revoked = keys.revoke(issued.record().keyId()).orElseThrow();
        assertEquals(clock.instant(), revoked.revokedAt());
        assertTrue(keys.verify(issued.rawKey()).isEmpty());
        assertTrue(keys.revoke("ffffffffffffffff").isEmpty());
    }

    @Test
    void revokingOneKeyLeavesOthers() {
        IssuedApiKey a = keys.issue("alice", Tier.HOBBYIST);
        IssuedApiKey b = keys.issue("alice", Tier.HOBBYIST);
        keys.revoke(a.record().keyId());
        assertTrue(keys.verify(b.rawKey()).isPresent());
        assertNotEquals(a.record().keyId(), b.record().keyId());
    }

    @Test
    void tierParsingAndPrefixes() {
        assertEquals(Tier.PROFESSIONAL, Tier.parse("pro"));
        assertEquals(Tier.FREE_BETA, Tier.parse("Free Beta"));
        assertEquals(Tier.ENTERPRISE, Tier.parse("ENTERPRISE"));
        assertThrows(IllegalArgumentException.class, () -> Tier.parse("gold"));
        assertEquals(Tier.HOBBYIST, Tier.ofKey("hft_hob_abc").orElseThrow());
        assertTrue(Tier.PROFESSIONAL.atLeast(Tier.HOBBYIST));
        assertFalse(Tier.HOBBYIST.atLeast(Tier.PROFESSIONAL));
        assertThrows(IllegalArgumentException.class, () -> keys.issue(" ", Tier.PROFESSIONAL));
    }
}
