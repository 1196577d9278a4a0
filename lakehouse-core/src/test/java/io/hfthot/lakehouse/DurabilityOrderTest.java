package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every data file a commit names is forced to disk through the storage SPI before the commit is published.
 *
 * <p>What a test cannot prove: that {@code fsync} really reaches stable storage, and that the directory syncs in
 * {@code LocalLogStore} are sufficient on a given file system after a power loss. That needs pulling the power (or
 * a fault-injecting block device such as dm-log-writes), which a unit test cannot do; the reasoning is in
 * {@code LocalLogStore}'s javadoc. What is checked here is the ordering the engine is responsible for.
 */
class DurabilityOrderTest {
    @TempDir
    Path dir;

    private final RecordingLogStore store = new RecordingLogStore();

    private Lakehouse lakehouse() {
        return Lakehouse.open(dir, LakehouseOptions.defaults().withStore(store)
                .withClock(new TestTables.ManualClock(Instant.parse("2026-02-01T00:00:00Z"))));
    }

    /** Asserts that each data file created since the last clear was forced before the (single) commit published. */
    private void assertForcedBeforeCommit(DeltaTable t, long version) {
        List<RecordingLogStore.Call> calls = store.calls();
        Path commit = t.path().resolve("_delta_log").resolve(String.format("%020d.json", version)).normalize();
        int commitAt = calls.indexOf(new RecordingLogStore.Call("putIfAbsent", commit));
        assertTrue(commitAt >= 0, "commit " + version + " was published through putIfAbsent: " + calls);
        List<Path> created = calls.stream().filter(c -> c.op().equals("create"))
                .filter(c -> c.path().toString().endsWith(".parquet") && !c.path().toString().contains("_delta_log"))
                .map(RecordingLogStore.Call::path).toList();
        assertFalse(created.isEmpty(), "the write created data files");
        for (Path p : created) {
            int forcedAt = calls.indexOf(new RecordingLogStore.Call("force", p));
            assertTrue(forcedAt >= 0 && forcedAt < commitAt, p + " forced before commit " + version + ": " + calls);
        }
    }

    @Test
    void appendForcesEveryPartitionFileBeforeItsCommit() {
        Lakehouse lh = lakehouse();
        DeltaTable t = lh.createTable("bars", TestTables.OHLCV, List.of("symbol"));
        store.clear();
        ColumnBatch.Builder b = ColumnBatch.builder(TestTables.OHLCV);
        for (Row r : TestTables.bars("AAA", 0, 3).rows()) {
            b.addRow(r.values().toArray());
        }
        for (Row r : TestTables.bars("BBB", 0, 3).rows()) {
            b.addRow(r.values().toArray());
        }
        CommitResult r = t.append(b.build());
        assertEquals(2, r.addedFiles(), "one file per partition");
        assertForcedBeforeCommit(t, r.version());
    }

    @Test
    void deleteForcesRewrittenFilesBeforeItsCommit() {
        Lakehouse lh = lakehouse();
        DeltaTable t = lh.createTable("bars", TestTables.OHLCV, List.of());
        t.append(TestTables.bars("AAA", 0, 10));
        store.clear();
        CommitResult r = t.delete(Predicate.eq("volume", 1003L));
        assertForcedBeforeCommit(t, r.version());
    }
}
