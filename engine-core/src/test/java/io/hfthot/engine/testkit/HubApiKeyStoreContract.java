package io.hfthot.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.hub.auth.HubApiKeyRecord;
import io.hfthot.engine.hub.auth.HubApiKeyStore;
import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link HubApiKeyStore} contract; every implementation's test extends this class. */
public abstract class HubApiKeyStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private HubApiKeyStore store;

    /**
     * Creates an empty store.
     *
     * @return the store under test
     */
    protected abstract HubApiKeyStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void insertFindRevokeList() {
        store.insert(new HubApiKeyRecord(Fingerprint.of("k1"), "u1", "hub_…k1", T0, null));
        store.insert(new HubApiKeyRecord(Fingerprint.of("k2"), "u1", "hub_…k2", T0.plusSeconds(1), null));
        store.insert(new HubApiKeyRecord(Fingerprint.of("k3"), "u2", "hub_…k3", T0, null));
        assertThrows(IllegalStateException.class,
                () -> store.insert(new HubApiKeyRecord(Fingerprint.of("k1"), "u9", "x", T0, null)));
        assertEquals("u1", store.find(Fingerprint.of("k1")).orElseThrow().userId(), "a refused insert changes nothing");
        assertTrue(store.find(Fingerprint.of("k1")).orElseThrow().active());
        assertEquals(2, store.revokeUser("u1", T0.plusSeconds(5)));
        assertEquals(0, store.revokeUser("u1", T0.plusSeconds(6)));
        assertFalse(store.find(Fingerprint.of("k2")).orElseThrow().active());
        assertEquals(T0.plusSeconds(5), store.find(Fingerprint.of("k2")).orElseThrow().revokedAt(),
                "a second revocation keeps the first time");
        assertTrue(store.find(Fingerprint.of("k3")).orElseThrow().active());
        assertEquals(2, store.byUser("u1").size());
        assertEquals("hub_…k1", store.byUser("u1").get(0).hint());
        assertTrue(store.find(Fingerprint.of("k9")).isEmpty());
        assertEquals(List.of(), store.byUser("u9"));
    }

    @Test
    void rowsRoundTripAndListInCreationOrder() {
        HubApiKeyRecord late = new HubApiKeyRecord(Fingerprint.of("late"), "u1", "hub_…late", T0.plusSeconds(60), null);
        HubApiKeyRecord early = new HubApiKeyRecord(Fingerprint.of("early"), "u1", "hub_…arly", T0, null);
        HubApiKeyRecord revoked = new HubApiKeyRecord(Fingerprint.of("gone"), "u1", "hub_…gone", T0.plusSeconds(30),
                T0.plusSeconds(40));
        store.insert(late);
        store.insert(revoked);
        store.insert(early);
        assertEquals(List.of(early, revoked, late), store.byUser("u1"));
        assertEquals(revoked, store.find(Fingerprint.of("gone")).orElseThrow());
        assertEquals(2, store.revokeUser("u1", T0.plusSeconds(70)), "the two active keys; the revoked one is kept");
        assertEquals(T0.plusSeconds(40), store.find(Fingerprint.of("gone")).orElseThrow().revokedAt());
    }
}
