package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits and snapshot refreshes list the log only from the {@code _last_checkpoint} version on, as Delta Kernel
 * does, and give the same rows as a replay from a whole listing; without a usable hint the whole log is listed.
 */
class LogListingTest {
    private static final String FROM_20 = "00000000000000000020";

    @TempDir
    Path dir;

    private final RecordingLogStore store = new RecordingLogStore();

    private DeltaTable tableWith25Appends() {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withStore(store));
        DeltaTable t = lh.createTable("listed", TestTables.OHLCV, List.of("symbol"));
        for (int i = 0; i < 25; i++) {
            t.append(TestTables.bars(i % 2 == 0 ? "A" : "B", i * 10, 10));
        }
        return t;
    }

    private Path log(DeltaTable t) {
        return t.path().resolve("_delta_log");
    }

    @Test
    void snapshotsAndCommitsListOnlyFromTheLastCheckpoint() {
        DeltaTable t = tableWith25Appends();
        store.clear();
        assertEquals(25, t.snapshot().version());
        assertEquals(250, t.snapshot().read().rowCount());
        t.append(TestTables.bars("C", 0, 5));
        assertEquals(26, t.snapshot().version());
        assertFalse(store.listedFrom().isEmpty());
        assertTrue(store.listedFrom().stream().allMatch(FROM_20::equals), "listings: " + store.listedFrom());
    }

    @Test
    void theRowsEqualAReplayFromTheWholeLogAtEveryVersion() throws Exception {
        DeltaTable t = tableWith25Appends();
        List<List<Object>> latest = TestTables.values(t.snapshot().read());
        List<List<Object>> atTwentyTwo = TestTables.values(t.snapshotAt(22).read());
        store.clear();
        List<List<Object>> atFive = TestTables.values(t.snapshotAt(5).read());
        assertEquals(List.of(""), store.listedFrom(), "a version before the hinted checkpoint needs the whole log");
        assertEquals(50, atFive.size());
        Files.delete(log(t).resolve("_last_checkpoint"));
        store.clear();
        assertEquals(latest, TestTables.values(t.snapshot().read()));
        assertEquals(atTwentyTwo, TestTables.values(t.snapshotAt(22).read()));
        assertTrue(store.listedFrom().stream().allMatch(""::equals), "no hint: whole listings " + store.listedFrom());
    }

    @Test
    void aStaleOrDanglingHintStillGivesTheLatestVersion() throws Exception {
        DeltaTable t = tableWith25Appends();
        List<List<Object>> latest = TestTables.values(t.snapshot().read());
        // A crash between publishing checkpoint 20 and rewriting the hint leaves the hint at 10.
        Files.writeString(log(t).resolve("_last_checkpoint"), "{\"version\":10,\"size\":7}");
        assertEquals(25, t.snapshot().version());
        assertEquals(latest, TestTables.values(t.snapshot().read()));
        // A hint naming a checkpoint that does not exist (e.g. deleted by hand) falls back to the whole log.
        Files.writeString(log(t).resolve("_last_checkpoint"), "{\"version\":15,\"size\":7}");
        store.clear();
        assertEquals(latest, TestTables.values(t.snapshot().read()));
        assertTrue(store.listedFrom().contains(""), "listings: " + store.listedFrom());
        // A hint beyond the last commit lists nothing from there and falls back as well.
        Files.writeString(log(t).resolve("_last_checkpoint"), "{\"version\":90,\"size\":7}");
        assertEquals(25, t.snapshot().version());
        assertEquals(latest, TestTables.values(t.snapshot().read()));
        t.append(TestTables.bars("C", 0, 5));
        assertEquals(26, t.snapshot().version());
    }

    @Test
    void plainReadsSkipTheCheckpointsTombstonesWhichLaterCheckpointsStillCarry() {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withStore(store));
        DeltaTable t = lh.createTable("tomb", TestTables.OHLCV, List.of());
        for (int i = 0; i < 5; i++) {
            t.append(TestTables.bars("A", i * 10, 10));
        }
        t.optimize(1L << 30, null); // version 6 removes the five small files
        for (int i = 0; i < 4; i++) {
            t.append(TestTables.bars("B", i * 10, 10)); // version 10 is checkpointed with 5 tombstones
        }
        io.hfthot.lakehouse.internal.log.DeltaLog log = new io.hfthot.lakehouse.internal.log.DeltaLog(store, t.path(), "tomb");
        assertEquals(5, log.load(null).tombstones().size());
        assertEquals(0, log.loadForRead(null).tombstones().size(), "a reader of live files does not read them");
        assertEquals(log.load(null).files(), log.loadForRead(null).files());
        for (int i = 0; i < 10; i++) {
            assertEquals(90 + i, t.snapshot().read().rowCount());
            t.append(TestTables.bars("C", i * 10, 1)); // version 20 is checkpointed from a full state
        }
        assertEquals(5, log.load(20L).tombstones().size(), "checkpoint 20 still carries the tombstones of version 6");
    }

    @Test
    void anUnreadableHintedCheckpointFallsBackToTheWholeLog() throws Exception {
        DeltaTable t = tableWith25Appends();
        List<List<Object>> latest = TestTables.values(t.snapshot().read());
        Files.write(log(t).resolve("00000000000000000020.checkpoint.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0});
        store.clear();
        assertEquals(latest, TestTables.values(t.snapshot().read()));
        assertEquals(List.of(FROM_20, ""), store.listedFrom());
    }
}
