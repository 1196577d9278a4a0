package io.hfthot.engine.hub.secrets;

class InMemorySecretStoreTest extends SecretStoreContract {
    @Override
    protected SecretStore newStore() {
        return new InMemorySecretStore();
    }
}
