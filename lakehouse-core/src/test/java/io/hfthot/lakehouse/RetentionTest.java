package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.lakehouse.internal.log.TableRetention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    @TempDir
    Path dir;

    private final TestTables.ManualClock clock = new TestTables.ManualClock(Instant.parse("2026-06-01T00:00:00Z"));

    private Lakehouse lakehouse(int checkpointInterval) {
        return Lakehouse.open(dir, LakehouseOptions.defaults().withClock(clock).withCheckpointInterval(checkpointInterval));
    }

    private static List<String> logFiles(DeltaTable t) throws Exception {
        try (Stream<Path> s = Files.list(t.path().resolve("_delta_log"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void intervalsParseAsDeltaWritesThemAndBadOnesAreRefusedByName() {
        assertEquals(Duration.ofDays(7), TableRetention.parse("k", "interval 1 week"));
        assertEquals(Duration.ofDays(7), TableRetention.parse("k", "interval 7 days"));
        assertEquals(Duration.ofHours(36).plusMinutes(30), TableRetention.parse("k", "36 hours 30 minutes"));
        assertEquals(Duration.ofMillis(1500), TableRetention.parse("k", "INTERVAL 1 second 500 milliseconds"));
        for (String bad : List.of("interval 1 month", "1 year", "abc", "-1 days", "interval", "7")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableRetention.parse("delta.x", bad));
            assertTrue(e.getMessage().contains("delta.x") && e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void vacuumRefusesARetentionShorterThanTheTablesUnlessForced() throws Exception {
        DeltaTable t = lakehouse(10).createTable("t", TestTables.OHLCV, List.of());
        t.append(TestTables.bars("A", 0, 5));
        long v1 = t.snapshot().version();
        t.overwrite(TestTables.bars("B", 0, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.vacuum(Duration.ZERO));
        assertTrue(e.getMessage().contains("delta.deletedFileRetentionDuration") && e.getMessage().contains("PT168H"), e.getMessage());
        assertEquals(5, t.snapshotAt(v1).read().rowCount(), "a refused vacuum deletes nothing");
        assertThrows(IllegalArgumentException.class, () -> t.vacuum(Duration.ofDays(6)));

        VacuumResult forced = t.vacuum(Duration.ZERO, true);
        assertEquals(1, forced.deletedFiles().size());
        DataFileMissingException gone = assertThrows(DataFileMissingException.class, () -> t.snapshotAt(v1).read());
        assertTrue(gone.getMessage().contains("vacuum") && gone.getMessage().contains("delta.deletedFileRetentionDuration"),
                gone.getMessage());
    }

    @Test
    void aTableMayDeclareAShorterDeletedFileRetention() {
        DeltaTable t = lakehouse(10).createTable("t", TestTables.OHLCV, List.of(),
                Map.of("delta.deletedFileRetentionDuration", "interval 1 day"));
        t.append(TestTables.bars("A", 0, 5));
        t.overwrite(TestTables.bars("B", 0, 5));
        assertThrows(IllegalArgumentException.class, () -> t.vacuum(Duration.ofHours(12)));
        clock.advance(Duration.ofDays(2));
        assertEquals(1, t.vacuum(Duration.ofDays(1)).deletedFiles().size());
    }

    @Test
    void logEntriesOlderThanTheLogRetentionGoAtCheckpointsAndOlderVersionsSayWhy() throws Exception {
        DeltaTable t = lakehouse(5).createTable("t", TestTables.OHLCV, List.of(), Map.of("delta.logRetentionDuration", "interval 1 day"));
        for (int i = 0; i < 60; i++) {
            clock.advance(Duration.ofHours(1));
            t.append(TestTables.bars("A", i, 1));
        }
        long latest = t.snapshot().version();
        List<String> files = logFiles(t);
        assertFalse(files.contains(String.format("%020d.json", 0)), "version 0 is older than a day and behind a checkpoint");
        long earliest = t.history().get(0).version();
        assertTrue(earliest > 0 && earliest % 5 == 0, "the log now starts at a checkpoint: " + earliest);
        assertTrue(files.contains(String.format("%020d.checkpoint.parquet", earliest)), files.toString());
        Instant earliestTime = t.history().get(0).timestamp();
        assertTrue(earliestTime.isBefore(clock.instant().minus(Duration.ofDays(1))), "only entries older than a day went");
        assertTrue(earliestTime.isAfter(clock.instant().minus(Duration.ofDays(1)).minus(Duration.ofHours(6))),
                "and no more than one checkpoint interval beyond it");

        assertEquals(earliest, t.snapshotAt(earliest).rowCount(), "the earliest retained version reads");
        assertEquals(latest, t.snapshot().rowCount());
        TableNotFoundException e = assertThrows(TableNotFoundException.class, () -> t.snapshotAt(1));
        assertTrue(e.getMessage().contains("no longer available") && e.getMessage().contains("delta.logRetentionDuration")
                && e.getMessage().contains("earliest version that can be read is " + earliest), e.getMessage());
        assertEquals(TestTables.values(t.snapshot().read()), KernelOracle.rows(t.path(), null), "Delta Kernel reads the cleaned log");
        assertEquals(TestTables.values(t.snapshotAt(earliest + 3).read()), KernelOracle.rows(t.path(), earliest + 3));
    }

    @Test
    void theDefaultThirtyDaysAndTheCleanupSwitchAreHonoured() throws Exception {
        DeltaTable byDefault = lakehouse(5).createTable("d", TestTables.OHLCV, List.of());
        DeltaTable off = lakehouse(5).createTable("o", TestTables.OHLCV, List.of(),
                Map.of("delta.logRetentionDuration", "interval 1 hour", "delta.enableExpiredLogCleanup", "false"));
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofDays(1));
            byDefault.append(TestTables.bars("A", i, 1));
            off.append(TestTables.bars("A", i, 1));
        }
        assertEquals(0, byDefault.history().get(0).version(), "20 days is within the default 30");
        assertEquals(0, off.history().get(0).version(), "cleanup switched off");
        for (int i = 20; i < 40; i++) {
            clock.advance(Duration.ofDays(1));
            byDefault.append(TestTables.bars("A", i, 1));
        }
        assertTrue(byDefault.history().get(0).version() > 0, "after 40 days the first days are gone");
        assertEquals(40, byDefault.snapshot().rowCount());
    }

    @Test
    void tombstonesPastTheDeletedFileRetentionLeaveTheStateAndTheNextCheckpoint() throws Exception {
        DeltaTable t = lakehouse(0).createTable("t", TestTables.OHLCV, List.of());
        for (int i = 0; i < 3; i++) {
            t.append(TestTables.bars("A", i * 10, 10));
        }
        t.optimize(1L << 30, null); // three small files become tombstones
        clock.advance(Duration.ofDays(6));
        t.append(TestTables.bars("B", 0, 1));
        t.checkpoint();
        io.hfthot.lakehouse.internal.log.DeltaLog fresh = new io.hfthot.lakehouse.internal.log.DeltaLog(
                LakehouseOptions.defaults().store(), t.path(), "t");
        assertEquals(3, fresh.load(null).tombstones().size(), "six days: still within the 7-day retention");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        t.append(TestTables.bars("B", 1, 1));
        assertEquals(0, t.log().load().tombstones().size(), "past the retention, counted from the latest commit");
        assertEquals(3, removesIn(t, t.snapshot().version() - 1), "the earlier checkpoint carried them");
        t.checkpoint();
        assertEquals(0, removesIn(t, t.snapshot().version()), "the new checkpoint no longer carries them");
        assertEquals(32, t.snapshot().read().rowCount());
    }

    private static long removesIn(DeltaTable t, long version) throws Exception {
        Path cp = t.path().resolve("_delta_log").resolve(String.format("%020d.checkpoint.parquet", version));
        return new io.hfthot.lakehouse.internal.parquet.CheckpointFiles(LakehouseOptions.defaults().store()).read(cp).stream()
                .filter(a -> a instanceof io.hfthot.lakehouse.internal.actions.Action.RemoveFile).count();
    }
}
