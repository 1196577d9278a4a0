package io.hfthot.engine.hub.auth;

class InMemoryHubUserStoreTest extends HubUserStoreContract {
    @Override
    protected HubUserStore newStore() {
        return new InMemoryHubUserStore();
    }
}
