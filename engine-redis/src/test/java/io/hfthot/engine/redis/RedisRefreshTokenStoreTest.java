package io.hfthot.engine.redis;

import io.hfthot.engine.hub.auth.RefreshTokenStore;
import io.hfthot.engine.testkit.RefreshTokenStoreContract;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link RefreshTokenStoreContract} on {@link RedisRefreshTokenStore} against a real redis-server. */
class RedisRefreshTokenStoreTest extends RefreshTokenStoreContract {
    private final RedisContracts redis = new RedisContracts();

    @Override
    protected RefreshTokenStore newStore() {
        return redis.fresh().refreshTokens();
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }
}
