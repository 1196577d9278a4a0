package io.hfthot.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.quota.RateLimitResult;
import io.hfthot.engine.quota.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link RateLimiter} contract; every implementation's test extends this class. */
public abstract class RateLimiterContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private RateLimiter limiter;

    /**
     * Creates a limiter with no recorded events.
     *
     * @return the limiter under test
     */
    protected abstract RateLimiter newLimiter();

    @BeforeEach
    void setUp() {
        limiter = newLimiter();
    }

    @Test
    void admitsUpToTheLimitThenRefusesWithResetAtOldestPlusWindow() {
        for (int i = 0; i < 5; i++) {
            RateLimitResult r = limiter.tryAcquire("k", 5, MINUTE, T0.plusSeconds(i));
            assertTrue(r.allowed());
            assertEquals(5, r.limit());
            assertEquals(4 - i, r.remaining());
            assertEquals(T0.plusSeconds(60).getEpochSecond(), r.resetEpochSecond());
        }
        RateLimitResult refused = limiter.tryAcquire("k", 5, MINUTE, T0.plusSeconds(30));
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(T0.plusSeconds(60).getEpochSecond(), refused.resetEpochSecond());
        // Just before the first event leaves the window: still refused. At the reset second: admitted.
        assertFalse(limiter.tryAcquire("k", 5, MINUTE, T0.plusSeconds(60).minusNanos(1)).allowed());
        assertTrue(limiter.tryAcquire("k", 5, MINUTE, Instant.ofEpochSecond(refused.resetEpochSecond())).allowed());
        assertFalse(limiter.tryAcquire("k", 5, MINUTE, T0.plusSeconds(60)).allowed());
    }

    @Test
    void refusedEventsAreNotRecorded() {
        limiter.tryAcquire("k", 1, MINUTE, T0);
        for (int i = 1; i < 60; i++) {
            assertFalse(limiter.tryAcquire("k", 1, MINUTE, T0.plusSeconds(i)).allowed());
        }
        assertTrue(limiter.tryAcquire("k", 1, MINUTE, T0.plusSeconds(60)).allowed());
    }

    @Test
    void peekRecordsNothing() {
        RateLimitResult empty = limiter.peek("k", 3, MINUTE, T0);
        assertTrue(empty.allowed());
        assertEquals(3, empty.remaining());
        limiter.tryAcquire("k", 3, MINUTE, T0);
        for (int i = 0; i < 10; i++) {
            assertEquals(2, limiter.peek("k", 3, MINUTE, T0.plusSeconds(1)).remaining());
        }
        assertEquals(3, limiter.peek("k", 3, MINUTE, T0.plusSeconds(60)).remaining());
    }

    @Test
    void bucketsAreIndependent() {
        assertTrue(limiter.tryAcquire("a", 1, MINUTE, T0).allowed());
        assertTrue(limiter.tryAcquire("b", 1, MINUTE, T0).allowed());
        assertFalse(limiter.tryAcquire("a", 1, MINUTE, T0).allowed());
    }

    @Test
    void timeGoingBackwardsCannotOpenRoom() {
        assertTrue(limiter.tryAcquire("k", 2, MINUTE, T0.plusSeconds(100)).allowed());
        assertTrue(limiter.tryAcquire("k", 2, MINUTE, T0.plusSeconds(100)).allowed());
        // A late caller with an older clock is judged at the latest time seen: the window is full.
        assertFalse(limiter.tryAcquire("k", 2, MINUTE, T0).allowed());
    }

    @Test
    void aLookAtALaterTimeCannotOpenRoomForAnOlderClock() {
        assertTrue(limiter.tryAcquire("k", 2, MINUTE, T0).allowed());
        assertTrue(limiter.tryAcquire("k", 2, MINUTE, T0.plusSeconds(30)).allowed());
        // A look from a clock ahead of the others sees T0 gone; it must not drop T0 for everyone.
        assertEquals(1, limiter.peek("k", 2, MINUTE, T0.plusSeconds(61)).remaining());
        // Judged at T0 + 45 s (later than the latest recorded time): (T0 - 15 s, T0 + 45 s] holds T0 and T0 + 30 s.
        assertFalse(limiter.tryAcquire("k", 2, MINUTE, T0.plusSeconds(45)).allowed());
        assertTrue(limiter.tryAcquire("k", 2, MINUTE, T0.plusSeconds(60)).allowed());
    }

    @Test
    void neverAdmitsMoreThanTheLimitInAnyWindowUnderContention() throws Exception {
        int threads = 8;
        int steps = 240;
        int attemptsPerThreadPerStep = 3;
        long limit = 20;
        Duration window = Duration.ofSeconds(10);
        Duration step = Duration.ofMillis(250);
        AtomicIntegerArray admittedAt = new AtomicIntegerArray(steps);
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int s = 0; s < steps; s++) {
                        // All threads hit the one key at the same instant, then wait for each other, so the
                        // time each admitted event is judged at is exactly the step's time.
                        Instant now = T0.plus(step.multipliedBy(s));
                        for (int a = 0; a < attemptsPerThreadPerStep; a++) {
                            if (limiter.tryAcquire("hot", limit, window, now).allowed()) {
                                admittedAt.incrementAndGet(s);
                            }
                        }
                        barrier.await(10, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int stepsPerWindow = (int) (window.toMillis() / step.toMillis());
        long total = 0;
        for (int end = 0; end < steps; end++) {
            long inWindow = 0;
            // Window (t - W, t] over steps: the steps end - stepsPerWindow + 1 .. end.
            for (int s = Math.max(0, end - stepsPerWindow + 1); s <= end; s++) {
                inWindow += admittedAt.get(s);
            }
            assertTrue(inWindow <= limit, "window ending at step " + end + " admitted " + inWindow);
            total += admittedAt.get(end);
        }
        // Liveness: demand (24 per step) always exceeds supply, so every window is filled exactly.
        assertEquals(limit * (steps / stepsPerWindow), total);
    }
}
