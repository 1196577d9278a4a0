package io.hfthot.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.quota.StreamLease;
import io.hfthot.engine.quota.StreamLimiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link StreamLimiter} contract; every implementation's test extends this class. */
public abstract class StreamLimiterContract {
    private StreamLimiter streams;

    /**
     * Creates a limiter with no open leases.
     *
     * @return the limiter under test
     */
    protected abstract StreamLimiter newLimiter();

    @BeforeEach
    void setUp() {
        streams = newLimiter();
    }

    @Test
    void opensUpToMaxAndFreesOnClose() {
        StreamLease a = streams.tryOpen("k", 2).orElseThrow();
        StreamLease b = streams.tryOpen("k", 2).orElseThrow();
        assertTrue(streams.tryOpen("k", 2).isEmpty());
        assertEquals(2, streams.active("k"));
        a.close();
        a.close();
        assertEquals(1, streams.active("k"));
        StreamLease c = streams.tryOpen("k", 2).orElseThrow();
        assertEquals("k", c.subject());
        assertTrue(streams.tryOpen("k", 2).isEmpty());
        b.close();
        c.close();
        assertEquals(0, streams.active("k"));
        assertEquals(0, streams.active("never-seen"));
    }

    @Test
    void subjectsAreIndependent() {
        streams.tryOpen("a", 1).orElseThrow();
        assertTrue(streams.tryOpen("b", 1).isPresent());
    }

    @Test
    void concurrentOpensNeverExceedMax() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<StreamLease> held = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        Optional<StreamLease> lease = streams.tryOpen("hot", 3);
                        lease.ifPresent(held::add);
                        assertTrue(streams.active("hot") <= 3);
                        if (i % 2 == 1) {
                            StreamLease l = held.poll();
                            if (l != null) {
                                l.close();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(held.size(), streams.active("hot"));
        held.forEach(StreamLease::close);
        assertEquals(0, streams.active("hot"));
    }
}
