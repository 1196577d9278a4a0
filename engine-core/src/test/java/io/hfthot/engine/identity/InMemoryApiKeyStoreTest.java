package io.hfthot.engine.identity;

class InMemoryApiKeyStoreTest extends ApiKeyStoreContract {
    @Override
    protected ApiKeyStore newStore() {
        return new InMemoryApiKeyStore();
    }
}
