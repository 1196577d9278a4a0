package io.hfthot.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.hub.auth.HubUser;
import io.hfthot.engine.hub.auth.HubUserStore;
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

/** The {@link HubUserStore} contract; every implementation's test extends this class. */
public abstract class HubUserStoreContract {
    private static final String HASH = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private HubUserStore store;

    /**
     * Creates an empty store.
     *
     * @return the store under test
     */
    protected abstract HubUserStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void findsByEmailAndIdAndRefusesDuplicates() {
        HubUser user = new HubUser("u1", "Alice@Example.com", HASH, T0);
        store.insert(user);
        assertEquals(user, store.findByEmail("alice@example.com").orElseThrow());
        assertEquals(user, store.findById("u1").orElseThrow());
        assertTrue(store.findByEmail("bob@example.com").isEmpty());
        assertTrue(store.findById("u2").isEmpty());
        assertThrows(IllegalStateException.class, () -> store.insert(new HubUser("u2", "alice@example.com", HASH, T0)));
        assertThrows(IllegalStateException.class, () -> store.insert(new HubUser("u1", "carol@example.com", HASH, T0)));
        assertTrue(store.findByEmail("carol@example.com").isEmpty());
        assertTrue(store.findById("u2").isEmpty(), "a refused insert writes nothing");
    }

    @Test
    void concurrentRegistrationsOfOneEmailHaveOneWinner() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                HubUser user = new HubUser("racer" + i, "same@example.com", HASH, T0.plusSeconds(i));
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        store.insert(user);
                        return true;
                    } catch (IllegalStateException taken) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won, "registrations that succeeded");
            String winner = store.findByEmail("same@example.com").orElseThrow().userId();
            for (int i = 0; i < threads; i++) {
                assertEquals(("racer" + i).equals(winner), store.findById("racer" + i).isPresent(), "racer" + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
