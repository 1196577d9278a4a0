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
 * A table opened afresh (no state kept yet) lists the log only from the {@code _last_checkpoint} version on, as Delta
 * Kernel does, and gives the same rows as a replay from a whole listing; without a usable hint the whole log is
 * listed. A table whose lakehouse already holds its state lists nothing for a read or an append: it probes the next
 * commit file instead.
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

    /** The table as a newly opened lakehouse sees it: no state kept, so the next snapshot replays the log. */
    private DeltaTable reopened() {
        return Lakehouse.open(dir, LakehouseOptions.defaults().withStore(store)).table("listed");
    }

    /** A log view holding no state yet. */
    private io.hfthot.lakehouse.internal.log.DeltaLog coldLog(DeltaTable t) {
        return new io.hfthot.lakehouse.internal.log.DeltaLog(store, t.path(), t.name());
    }

    private Path log(DeltaTable t) {
        return t.path().resolve("_delta_log");
    }

    @Test
    void snapshotsAndCommitsListOnlyFromTheLastCheckpoint() {
        tableWith25Appends();
        store.clear();
        assertEquals(25, reopened().snapshot().version());
        assertEquals(250, reopened().snapshot().read().rowCount());
        reopened().append(TestTables.bars("C", 0, 5));
        assertEquals(26, reopened().snapshot().version());
        assertFalse(store.listedFrom().isEmpty());
        assertTrue(store.listedFrom().stream().allMatch(FROM_20::equals), "listings: " + store.listedFrom());
    }

    @Test
    void aTableWhoseStateIsKeptListsNothingToReadOrAppend() {
        DeltaTable t = tableWith25Appends();
        assertEquals(25, t.snapshot().version());
        DeltaTable other = reopened(); // another writer, holding its own state once it has read the table
        assertEquals(25, other.snapshot().version());
        store.clear();
        t.append(TestTables.bars("C", 0, 5));
        other.append(TestTables.bars("C", 5, 5)); // found by t's next read probing version 27
        assertEquals(27, t.snapshot().version());
        assertEquals(260, t.snapshot().read().rowCount());
        assertEquals(List.of(), store.listedFrom());
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
        assertEquals(25, reopened().snapshot().version());
        assertEquals(latest, TestTables.values(reopened().snapshot().read()));
        // A hint naming a checkpoint that does not exist (e.g. deleted by hand) falls back to the whole log.
        Files.writeString(log(t).resolve("_last_checkpoint"), "{\"version\":15,\"size\":7}");
        store.clear();
        assertEquals(latest, TestTables.values(reopened().snapshot().read()));
        assertTrue(store.listedFrom().contains(""), "listings: " + store.listedFrom());
        // A hint beyond the last commit lists nothing from there and falls back as well.
        Files.writeString(log(t).resolve("_last_checkpoint"), "{\"version\":90,\"size\":7}");
        assertEquals(25, reopened().snapshot().version());
        assertEquals(latest, TestTables.values(reopened().snapshot().read()));
        reopened().append(TestTables.bars("C", 0, 5));
        assertEquals(26, reopened().snapshot().version());
        assertEquals(26, t.snapshot().version());
    }

    @Test
    void timeTravelSkipsTheCheckpointsTombstonesWhichLaterCheckpointsStillCarry() {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withStore(store));
        DeltaTable t = lh.createTable("tomb", TestTables.OHLCV, List.of());
        for (int i = 0; i < 5; i++) {
            t.append(TestTables.bars("A", i * 10, 10));
        }
        t.optimize(1L << 30, null); // version 6 removes the five small files
        for (int i = 0; i < 4; i++) {
            t.append(TestTables.bars("B", i * 10, 10)); // version 10 is checkpointed with 5 tombstones
        }
        t.append(TestTables.bars("B", 40, 10)); // version 11
        assertEquals(5, coldLog(t).load(null).tombstones().size());
        var log = coldLog(t);
        assertEquals(0, log.loadForRead(10L).tombstones().size(), "a time-travel reader of live files does not read them");
        assertEquals(coldLog(t).load(10L).files(), log.loadForRead(10L).files());
        for (int i = 0; i < 9; i++) {
            assertEquals(100 + i, t.snapshot().read().rowCount());
            t.append(TestTables.bars("C", i * 10, 1)); // version 20 is checkpointed from a full state
        }
        assertEquals(5, coldLog(t).load(20L).tombstones().size(), "checkpoint 20 still carries the tombstones of version 6");
    }

    @Test
    void anUnreadableHintedCheckpointFallsBackToTheWholeLog() throws Exception {
        DeltaTable t = tableWith25Appends();
        List<List<Object>> latest = TestTables.values(t.snapshot().read());
        Files.write(log(t).resolve("00000000000000000020.checkpoint.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0});
        store.clear();
        assertEquals(latest, TestTables.values(reopened().snapshot().read()));
        // the existence check and the replay's first attempt list from the hint; the replay then lists everything
        assertEquals(List.of(FROM_20, FROM_20, ""), store.listedFrom());
    }
}
