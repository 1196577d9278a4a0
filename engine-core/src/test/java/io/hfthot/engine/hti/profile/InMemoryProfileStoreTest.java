package io.hfthot.engine.hti.profile;

import io.hfthot.engine.testkit.ProfileStoreContract;

class InMemoryProfileStoreTest extends ProfileStoreContract {
    @Override
    protected ProfileStore newStore() {
        return new InMemoryProfileStore();
    }
}
