package io.hfthot.engine.hub.auth;

import io.hfthot.engine.testkit.HubApiKeyStoreContract;

class InMemoryHubApiKeyStoreTest extends HubApiKeyStoreContract {
    @Override
    protected HubApiKeyStore newStore() {
        return new InMemoryHubApiKeyStore();
    }
}
