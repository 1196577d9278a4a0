package io.hfthot.engine.redis;

import io.hfthot.engine.identity.ApiKeyStore;
import io.hfthot.engine.testkit.ApiKeyStoreContract;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link ApiKeyStoreContract} on {@link RedisApiKeyStore} against a real redis-server. */
class RedisApiKeyStoreTest extends ApiKeyStoreContract {
    private final RedisContracts redis = new RedisContracts();

    @Override
    protected ApiKeyStore newStore() {
        return redis.fresh().apiKeys();
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }
}
