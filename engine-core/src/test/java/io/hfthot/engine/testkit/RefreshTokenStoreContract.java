package io.hfthot.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.hub.auth.RefreshTokenStore;
import io.hfthot.engine.hub.auth.RefreshTokenRecord;
import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Duration;
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

/** The {@link RefreshTokenStore} contract; every implementation's test extends this class. */
public abstract class RefreshTokenStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private RefreshTokenStore store;

    /**
     * Creates an empty store.
     *
     * @return the store under test
     */
    protected abstract RefreshTokenStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    private static RefreshTokenRecord row(String token, String user, String family) {
        return new RefreshTokenRecord(Fingerprint.of(token), user, family, T0, T0.plus(Duration.ofDays(30)), null, null);
    }

    @Test
    void markUsedSucceedsOnce() {
        store.insert(row("t1", "u1", "f1"));
        assertTrue(store.markUsed(Fingerprint.of("t1"), T0.plusSeconds(1)));
        assertFalse(store.markUsed(Fingerprint.of("t1"), T0.plusSeconds(2)));
        assertEquals(T0.plusSeconds(1), store.find(Fingerprint.of("t1")).orElseThrow().usedAt());
        assertFalse(store.markUsed(Fingerprint.of("unknown"), T0));
        assertThrows(IllegalStateException.class, () -> store.insert(row("t1", "u1", "f1")));
    }

    @Test
    void concurrentMarkUsedHasOneWinner() throws Exception {
        store.insert(row("race", "u1", "f1"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return store.markUsed(Fingerprint.of("race"), T0);
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> f : futures) {
                winners += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revokesByFamilyAndByUserOnce() {
        store.insert(row("a", "u1", "f1"));
        store.insert(row("b", "u1", "f1"));
        store.insert(row("c", "u1", "f2"));
        store.insert(row("d", "u2", "f3"));
        assertEquals(2, store.revokeFamily("f1", T0.plusSeconds(5)));
        assertEquals(0, store.revokeFamily("f1", T0.plusSeconds(6)));
        assertEquals(T0.plusSeconds(5), store.find(Fingerprint.of("a")).orElseThrow().revokedAt());
        assertFalse(store.markUsed(Fingerprint.of("b"), T0.plusSeconds(7)));
        assertEquals(1, store.revokeUser("u1", T0.plusSeconds(8)));
        assertTrue(store.find(Fingerprint.of("d")).orElseThrow().usableAt(T0.plusSeconds(8)));
    }
}
