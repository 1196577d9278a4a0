package io.hfthot.engine.redis;

import io.hfthot.engine.usage.UsageStore;
import io.hfthot.engine.testkit.UsageStoreContract;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link UsageStoreContract} on {@link RedisUsageStore} against a real redis-server. */
class RedisUsageStoreTest extends UsageStoreContract {
    private final RedisContracts redis = new RedisContracts();

    @Override
    protected UsageStore newStore() {
        return redis.fresh().usage();
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }
}
