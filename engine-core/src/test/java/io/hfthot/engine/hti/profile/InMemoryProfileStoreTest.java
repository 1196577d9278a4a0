package io.hfthot.engine.hti.profile;

class InMemoryProfileStoreTest extends ProfileStoreContract {
    @Override
    protected ProfileStore newStore() {
        return new InMemoryProfileStore();
    }
}
