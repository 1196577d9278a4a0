package io.hfthot.engine.usage.provider;

class InMemoryProviderKeyStoreTest extends ProviderKeyStoreContract {
    @Override
    protected ProviderKeyStore newStore() {
        return new InMemoryProviderKeyStore();
    }
}
