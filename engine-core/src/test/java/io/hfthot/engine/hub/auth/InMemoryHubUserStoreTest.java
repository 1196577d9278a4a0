package io.hfthot.engine.hub.auth;

import io.hfthot.engine.testkit.HubUserStoreContract;

class InMemoryHubUserStoreTest extends HubUserStoreContract {
    @Override
    protected HubUserStore newStore() {
        return new InMemoryHubUserStore();
    }
}
