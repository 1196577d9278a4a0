package io.hfthot.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.engine.quota.RateLimitResult;
import io.hfthot.engine.quota.RateLimiter;
import io.hfthot.engine.quota.SlidingLogRateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sliding_window.lua} against an independent implementation, the in-memory {@link SlidingLogRateLimiter}:
 * the same seeded sequence of decisions and looks, with clocks that jump forwards and sometimes backwards and
 * times down to the nanosecond, must give the same answer (admitted, remaining, reset) at every step.
 */
class RedisRateLimiterDifferentialTest {
    private final RedisContracts redis = new RedisContracts();

    @AfterEach
    void closeRedis() {
        redis.close();
    }

    @Test
    void everyAnswerEqualsTheInMemoryLimiters() {
        RateLimiter shared = redis.fresh().rateLimiter();
        RateLimiter reference = new SlidingLogRateLimiter();
        Random random = new Random(18);
        String[] buckets = {"a", "b", "c"};
        long[] limits = {1, 3, 5};
        Duration[] windows = {Duration.ofMillis(1_500), Duration.ofSeconds(2), Duration.ofMillis(3_250)};
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        for (int step = 0; step < 1_500; step++) {
            if (random.nextInt(10) == 0) {
                // An older clock (another replica's): judged at the bucket's latest time by both.
                now = now.minusMillis(random.nextInt(3_000));
            } else {
                now = now.plusMillis(random.nextInt(700)).plusNanos(random.nextInt(1_000_000));
            }
            int b = random.nextInt(buckets.length);
            boolean look = random.nextInt(5) == 0;
            RateLimitResult expected = look ? reference.peek(buckets[b], limits[b], windows[b], now)
                    : reference.tryAcquire(buckets[b], limits[b], windows[b], now);
            RateLimitResult actual = look ? shared.peek(buckets[b], limits[b], windows[b], now)
                    : shared.tryAcquire(buckets[b], limits[b], windows[b], now);
            assertEquals(expected, actual, "step " + step + ": " + (look ? "peek " : "acquire ") + buckets[b] + " at "
                    + now);
        }
    }
}
