package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.lakehouse.internal.parquet.DataFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasureAndVacuumTest {
    @TempDir
    Path dir;

    private final TestTables.ManualClock clock = new TestTables.ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static final Schema KEYS = Schema.of(Field.required("user_id", DataType.STRING), Field.required("key_hash", DataType.STRING),
            Field.of("tier", DataType.STRING));

    private List<Path> parquetFiles(Path table) throws Exception {
        try (Stream<Path> s = Files.walk(table)) {
            return s.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log")).toList();
        }
    }

    @Test
    void erasureLeavesNoFileOnDiskHoldingTheSubjectAndAuditsIt() throws Exception {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withClock(clock));
        DeltaTable t = lh.createTable("api_keys", KEYS, List.of());
        t.append(ColumnBatch.builder(KEYS).addRow("u1", "h1", "pro").addRow("u2", "h2", "free").build());      // v1
        t.append(ColumnBatch.builder(KEYS).addRow("u2", "h3", "pro").addRow("u3", "h4", "ent").build());       // v2
        t.delete(Predicate.eq("key_hash", "h3"));                                                             // v3: u2's h3 now only in an old file
        t.append(ColumnBatch.builder(KEYS).addRow("u4", "h5", "hob").build());                                 // v4
        ErasureResult r = t.erase("user_id", "u2");
        assertEquals(1, r.rowsRemoved());
        assertTrue(r.purgedFiles().size() >= 2, "the current file and the older file holding h3: " + r.purgedFiles());
        DataFileReader reader = new DataFileReader(lh.options().store());
        for (Path p : parquetFiles(t.path())) {
            for (Row row : reader.read(p, Schema.of(KEYS.field("user_id"))).rows()) {
                assertFalse("u2".equals(row.getString("user_id")), "file " + p + " still holds the subject");
            }
        }
        assertEquals(List.of("u1", "u3", "u4"), t.snapshot().read().rows().stream().map(x -> x.getString("user_id")).sorted().toList());
        VersionInfo audit = t.history().get((int) r.version());
        assertEquals("ERASE", audit.operation());
        assertEquals(r.subjectSha256(), audit.operationParameters().get("subjectSha256"));
        assertFalse(audit.toString().contains("u2"), "the audit record never holds the subject value");
        assertThrows(DataFileMissingException.class, () -> t.snapshotAt(1).read(), "versions that held the subject are unreadable");
        ErasureResult again = t.erase("user_id", "u2");
        assertEquals(0, again.rowsRemoved());
        assertEquals(r.version(), again.version());
    }

    @Test
    void erasureByPartitionColumnPurgesThatPartition() throws Exception {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withClock(clock));
        DeltaTable t = lh.createTable("p", KEYS, List.of("user_id"));
        t.append(ColumnBatch.builder(KEYS).addRow("u1", "h1", "pro").addRow("u2", "h2", "free").build());
        ErasureResult r = t.erase("user_id", "u2");
        assertEquals(1, r.rowsRemoved());
        assertEquals(1, r.purgedFiles().size());
        assertEquals(1, t.snapshot().read().rowCount());
    }

    @Test
    void vacuumDeletesOnlyFilesOlderThanRetentionThatNoCurrentVersionNeeds() throws Exception {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withClock(clock));
        DeltaTable t = lh.createTable("v", TestTables.OHLCV, List.of());
        t.append(TestTables.bars("A", 0, 10));
        long v1 = t.snapshot().version();
        t.overwrite(TestTables.bars("B", 0, 10));
        assertEquals(2, parquetFiles(t.path()).size());
        assertTrue(t.vacuum(Duration.ofDays(7)).deletedFiles().isEmpty(), "tombstone is younger than the retention");
        assertEquals(10, t.snapshotAt(v1).read().rowCount());
        clock.advance(Duration.ofDays(8));
        VacuumResult r = t.vacuum(Duration.ofDays(7));
        assertEquals(1, r.deletedFiles().size());
        assertEquals(1, r.keptFiles());
        DataFileMissingException e = assertThrows(DataFileMissingException.class, () -> t.snapshotAt(v1).read());
        assertTrue(e.getMessage().contains("version " + v1), e.getMessage());
        assertEquals(10, t.snapshot().read().rowCount());
        assertEquals(3, t.history().size(), "history is kept");
    }

    @Test
    void vacuumRemovesOldUncommittedFilesLeftByFailedWrites() throws Exception {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withClock(clock));
        DeltaTable t = lh.createTable("o", TestTables.OHLCV, List.of());
        t.append(TestTables.bars("A", 0, 10));
        Path orphan = t.path().resolve("part-00000-orphan.c000.snappy.parquet");
        Files.write(orphan, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(orphan, java.nio.file.attribute.FileTime.from(clock.instant().minus(Duration.ofDays(30))));
        assertEquals(List.of(orphan), t.vacuum(Duration.ofDays(7)).deletedFiles());
        assertEquals(10, t.snapshot().read().rowCount());
    }
}
