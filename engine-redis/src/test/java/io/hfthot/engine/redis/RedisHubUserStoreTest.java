package io.hfthot.engine.redis;

import io.hfthot.engine.hub.auth.HubUserStore;
import io.hfthot.engine.testkit.HubUserStoreContract;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link HubUserStoreContract} on {@link RedisHubUserStore} against a real redis-server. */
class RedisHubUserStoreTest extends HubUserStoreContract {
    private final RedisContracts redis = new RedisContracts();

    @Override
    protected HubUserStore newStore() {
        return redis.fresh().hubUsers();
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }
}
