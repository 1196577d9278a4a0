package io.hfthot.engine.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.testkit.RateLimiterContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingLogRateLimiterTest extends RateLimiterContract {
    @Override
    protected RateLimiter newLimiter() {
        return new SlidingLogRateLimiter();
    }

    @Test
    void evictsIdleBucketsOnly() {
        SlidingLogRateLimiter limiter = new SlidingLogRateLimiter();
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        limiter.tryAcquire("old", 5, Duration.ofMinutes(1), t0);
        limiter.tryAcquire("new", 5, Duration.ofMinutes(1), t0.plusSeconds(90));
        assertEquals(1, limiter.evictIdle(t0.plusSeconds(100), Duration.ofMinutes(1)));
        assertEquals(1, limiter.bucketCount());
        assertEquals(4, limiter.peek("new", 5, Duration.ofMinutes(1), t0.plusSeconds(100)).remaining());
    }

    @Test
    void logGrowsToLargeLimits() {
        SlidingLogRateLimiter limiter = new SlidingLogRateLimiter();
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        for (int i = 0; i < 2000; i++) {
            assertTrue(limiter.tryAcquire("pro", 2000, Duration.ofMinutes(1), t0.plusMillis(i)).allowed());
        }
        assertEquals(false, limiter.tryAcquire("pro", 2000, Duration.ofMinutes(1), t0.plusMillis(2000)).allowed());
    }

    @Test
    void rejectsBadArguments() {
        SlidingLogRateLimiter limiter = new SlidingLogRateLimiter();
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> limiter.tryAcquire("k", 0, Duration.ofMinutes(1), t));
        assertThrows(IllegalArgumentException.class, () -> limiter.tryAcquire("k", 1, Duration.ZERO, t));
        assertThrows(IllegalArgumentException.class, () -> limiter.tryAcquire("k", 1, Duration.ofMinutes(1), Instant.MAX));
    }
}
