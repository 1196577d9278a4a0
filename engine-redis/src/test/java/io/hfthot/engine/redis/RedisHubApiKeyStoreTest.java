package io.hfthot.engine.redis;

import io.hfthot.engine.hub.auth.HubApiKeyStore;
import io.hfthot.engine.testkit.HubApiKeyStoreContract;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link HubApiKeyStoreContract} on {@link RedisHubApiKeyStore} against a real redis-server. */
class RedisHubApiKeyStoreTest extends HubApiKeyStoreContract {
    private final RedisContracts redis = new RedisContracts();

    @Override
    protected HubApiKeyStore newStore() {
        return redis.fresh().hubApiKeys();
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }
}
