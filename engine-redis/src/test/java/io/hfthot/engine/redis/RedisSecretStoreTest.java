package io.hfthot.engine.redis;

import io.hfthot.engine.hub.secrets.SecretStore;
import io.hfthot.engine.testkit.SecretStoreContract;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link SecretStoreContract} on {@link RedisSecretStore} against a real redis-server. */
class RedisSecretStoreTest extends SecretStoreContract {
    private final RedisContracts redis = new RedisContracts();

    @Override
    protected SecretStore newStore() {
        return redis.fresh().secrets();
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }
}
