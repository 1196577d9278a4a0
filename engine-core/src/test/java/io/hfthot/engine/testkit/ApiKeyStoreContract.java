package io.hfthot.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.ApiKeyStore;
import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link ApiKeyStore} contract; every implementation's test extends this class. */
public abstract class ApiKeyStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private ApiKeyStore store;

    /**
     * Creates an empty store.
     *
     * @return the store under test
     */
    protected abstract ApiKeyStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    private static ApiKeyRecord row(String raw, String owner, Tier tier, Instant at) {
        return new ApiKeyRecord(Fingerprint.of(raw), tier.keyPrefix() + "…" + raw.substring(raw.length() - 4), owner,
                tier, at, null);
    }

    @Test
    void findsByFingerprintAndKeyId() {
        ApiKeyRecord row = row("hft_pro_aaaa1111", "alice", Tier.PROFESSIONAL, T0);
        store.insert(row);
        assertEquals(row, store.find(Fingerprint.of("hft_pro_aaaa1111")).orElseThrow());
        assertEquals(row, store.findByKeyId(row.keyId()).orElseThrow());
        assertTrue(store.find(Fingerprint.of("hft_pro_aaaa1112")).isEmpty());
        assertTrue(store.findByKeyId("0000000000000000").isEmpty());
    }

    @Test
    void refusesDuplicateFingerprint() {
        store.insert(row("hft_free_x1234", "alice", Tier.FREE_BETA, T0));
        assertThrows(IllegalStateException.class, () -> store.insert(row("hft_free_x1234", "bob", Tier.FREE_BETA, T0)));
    }

    @Test
    void revokeIsIdempotentAndKeepsFirstTime() {
        ApiKeyRecord row = row("hft_hob_zzzz9999", "alice", Tier.HOBBYIST, T0);
        store.insert(row);
        Instant first = T0.plusSeconds(10);
        assertEquals(first, store.revoke(row.fingerprint(), first).orElseThrow().revokedAt());
        assertEquals(first, store.revoke(row.fingerprint(), T0.plusSeconds(20)).orElseThrow().revokedAt());
        assertFalse(store.find(row.fingerprint()).orElseThrow().active());
        assertTrue(store.revoke(Fingerprint.of("unknown"), first).isEmpty());
    }

    @Test
    void listsAnOwnersKeysInCreationOrder() {
        ApiKeyRecord late = row("hft_pro_late0001", "alice", Tier.PROFESSIONAL, T0.plusSeconds(5));
        ApiKeyRecord early = row("hft_free_early001", "alice", Tier.FREE_BETA, T0);
        store.insert(late);
        store.insert(early);
        store.insert(row("hft_pro_other001", "bob", Tier.PROFESSIONAL, T0));
        assertEquals(List.of(early, late), store.byOwner("alice"));
        assertEquals(List.of(), store.byOwner("carol"));
    }

    @Test
    void insertWithinCapCountsOnlyTheOwnersLiveKeys() {
        ApiKeyRecord first = row("hft_hob_cap00001", "alice", Tier.HOBBYIST, T0);
        assertTrue(store.insertWithinCap(first, 2));
        assertTrue(store.insertWithinCap(row("hft_hob_cap00002", "alice", Tier.HOBBYIST, T0), 2));
        assertTrue(store.insertWithinCap(row("hft_hob_cap00003", "bob", Tier.HOBBYIST, T0), 2), "another owner");
        ApiKeyRecord third = row("hft_hob_cap00004", "alice", Tier.HOBBYIST, T0);
        assertFalse(store.insertWithinCap(third, 2), "alice holds 2 live keys");
        assertTrue(store.find(third.fingerprint()).isEmpty(), "a refused insert writes nothing");
        store.revoke(first.fingerprint(), T0.plusSeconds(1));
        assertTrue(store.insertWithinCap(third, 2), "a revoked key frees its slot");
        assertEquals(third, store.findByKeyId(third.keyId()).orElseThrow());
        assertThrows(IllegalStateException.class, () -> store.insertWithinCap(third, 9), "duplicate fingerprint");
        assertThrows(IllegalArgumentException.class,
                () -> store.insertWithinCap(row("hft_hob_cap00005", "carol", Tier.HOBBYIST, T0), 0));
    }

    @Test
    void concurrentInsertsWithinCapNeverExceedIt() throws Exception {
        int cap = 3;
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                ApiKeyRecord r = row("hft_free_race" + String.format("%04d", i), "racer", Tier.FREE_BETA, T0);
                results.add(pool.submit(() -> {
                    go.await();
                    return store.insertWithinCap(r, cap);
                }));
            }
            go.countDown();
            int admitted = 0;
            for (Future<Boolean> f : results) {
                admitted += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(cap, admitted, "admitted insertions");
            assertEquals(cap, store.byOwner("racer").size(), "stored rows");
        } finally {
            pool.shutdownNow();
        }
    }
}
