package io.hfthot.engine.hub.auth;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {
    @Override
    protected RefreshTokenStore newStore() {
        return new InMemoryRefreshTokenStore();
    }
}
