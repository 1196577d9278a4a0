package io.hfthot.engine.usage;

import io.hfthot.engine.testkit.UsageStoreContract;

class InMemoryUsageStoreTest extends UsageStoreContract {
    @Override
    protected UsageStore newStore() {
        return new InMemoryUsageStore();
    }
}
