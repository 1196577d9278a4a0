package io.hfthot.engine.hub.secrets;

import io.hfthot.engine.testkit.SecretStoreContract;

class InMemorySecretStoreTest extends SecretStoreContract {
    @Override
    protected SecretStore newStore() {
        return new InMemorySecretStore();
    }
}
