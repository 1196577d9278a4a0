package io.hfthot.engine.redis;

import io.hfthot.engine.usage.provider.ProviderKeyStore;
import io.hfthot.engine.testkit.ProviderKeyStoreContract;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link ProviderKeyStoreContract} on {@link RedisProviderKeyStore} against a real redis-server. */
class RedisProviderKeyStoreTest extends ProviderKeyStoreContract {
    private final RedisContracts redis = new RedisContracts();

    @Override
    protected ProviderKeyStore newStore() {
        return redis.fresh().providerKeys();
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }
}
