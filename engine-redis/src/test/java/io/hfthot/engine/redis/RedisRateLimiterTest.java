package io.hfthot.engine.redis;

import io.hfthot.engine.quota.RateLimiter;
import io.hfthot.engine.testkit.RateLimiterContract;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link RateLimiterContract} on {@link RedisRateLimiter} against a real redis-server. */
class RedisRateLimiterTest extends RateLimiterContract {
    private final RedisContracts redis = new RedisContracts();

    @Override
    protected RateLimiter newLimiter() {
        return redis.fresh().rateLimiter();
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }
}
