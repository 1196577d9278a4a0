package io.hfthot.engine.usage.provider;

import io.hfthot.engine.testkit.ProviderKeyStoreContract;

class InMemoryProviderKeyStoreTest extends ProviderKeyStoreContract {
    @Override
    protected ProviderKeyStore newStore() {
        return new InMemoryProviderKeyStore();
    }
}
