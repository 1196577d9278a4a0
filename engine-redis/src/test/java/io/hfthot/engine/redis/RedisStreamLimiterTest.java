package io.hfthot.engine.redis;

import io.hfthot.engine.quota.StreamLimiter;
import io.hfthot.engine.testkit.StreamLimiterContract;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link StreamLimiterContract} on {@link RedisStreamLimiter} against a real redis-server. */
class RedisStreamLimiterTest extends StreamLimiterContract {
    private final RedisContracts redis = new RedisContracts();

    @Override
    protected StreamLimiter newLimiter() {
        return redis.fresh().streamLimiter();
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }
}
