package io.hfthot.engine.hub.auth;

class InMemoryHubApiKeyStoreTest extends HubApiKeyStoreContract {
    @Override
    protected HubApiKeyStore newStore() {
        return new InMemoryHubApiKeyStore();
    }
}
