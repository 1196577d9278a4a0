package io.hfthot.engine.redis;

import io.hfthot.engine.hti.profile.ProfileStore;
import io.hfthot.engine.testkit.ProfileStoreContract;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link ProfileStoreContract} on {@link RedisProfileStore} against a real redis-server. */
class RedisProfileStoreTest extends ProfileStoreContract {
    private final RedisContracts redis = new RedisContracts();

    @Override
    protected ProfileStore newStore() {
        return redis.fresh().profiles();
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }
}
