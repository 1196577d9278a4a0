package io.hfthot.engine.usage;

class InMemoryUsageStoreTest extends UsageStoreContract {
    @Override
    protected UsageStore newStore() {
        return new InMemoryUsageStore();
    }
}
