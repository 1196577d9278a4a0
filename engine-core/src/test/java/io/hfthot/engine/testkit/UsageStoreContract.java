package io.hfthot.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hfthot.engine.usage.UsageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link UsageStore} contract; every implementation's test extends this class. */
public abstract class UsageStoreContract {
    private static final long DAY = 20_500;

    private UsageStore store;

    /**
     * Creates an empty store.
     *
     * @return the store under test
     */
    protected abstract UsageStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void addsAndReadsPerSubjectAndDay() {
        assertEquals(0, store.requests("k", DAY));
        assertEquals(1, store.add("k", DAY, 1));
        assertEquals(4, store.add("k", DAY, 3));
        assertEquals(4, store.add("k", DAY, 0));
        assertEquals(4, store.requests("k", DAY));
        assertEquals(0, store.requests("k", DAY + 1));
        assertEquals(0, store.requests("other", DAY));
        assertThrows(IllegalArgumentException.class, () -> store.add("k", DAY, -1));
    }

    @Test
    void concurrentAdditionsAreNotLost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        store.add("hot", DAY, 1);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20_000, store.requests("hot", DAY));
    }

    @Test
    void recordedAdditionsAreSeenByReadsAndAdditionsAndAreNotLostUnderConcurrency() throws Exception {
        store.record("r", DAY, 2);
        store.record("r", DAY, 0);
        assertEquals(2, store.requests("r", DAY));
        store.record("r", DAY, 1);
        assertEquals(4, store.add("r", DAY, 1), "add returns the total including earlier recorded additions");
        assertEquals(0, store.requests("r", DAY + 1));
        assertThrows(IllegalArgumentException.class, () -> store.record("r", DAY, -1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        if (i % 1_000 == thread) {
                            store.add("hot-r", DAY, 1);
                        } else {
                            store.record("hot-r", DAY, 1);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20_000, store.requests("hot-r", DAY));
    }
}
