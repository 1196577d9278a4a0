package io.hfthot.engine.identity.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.engine.testkit.UsageStoreContract;
import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.usage.UsageStore;
import io.hfthot.lakehouse.Lakehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakehouseUsageStoreTest extends UsageStoreContract {
    @TempDir
    Path dir;

    private int opened;

    @Override
    protected UsageStore newStore() {
        return LakehouseUsageStore.open(Lakehouse.open(dir.resolve("lh" + (opened++))), TestClock.fixed());
    }

    @Test
    void totalsSurviveReopeningTheLakehouseAndKeepCounting() {
        Path base = dir.resolve("persist");
        long day = 20_500;
        try (LakehouseUsageStore store = LakehouseUsageStore.open(Lakehouse.open(base), TestClock.fixed())) {
            store.add("k1", day, 5);
            assertEquals(1, store.flush());
            store.add("k1", day, 2);
            store.add("k2", day + 1, 9);
            assertEquals(2, store.flush());
            assertEquals(0, store.flush(), "nothing changed since the last flush");
            store.add("k2", day + 1, 1);
        }
        LakehouseUsageStore reopened = LakehouseUsageStore.open(Lakehouse.open(base), TestClock.fixed());
        assertEquals(7, reopened.requests("k1", day));
        assertEquals(10, reopened.requests("k2", day + 1), "close flushed the last addition");
        assertEquals(0, reopened.requests("k1", day + 1));
        assertEquals(8, reopened.add("k1", day, 1));
    }
}
