package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaTableTest {
    @TempDir
    Path dir;

    private final TestTables.ManualClock clock = new TestTables.ManualClock(Instant.parse("2026-03-01T12:00:00Z"));

    private Lakehouse lakehouse() {
        return Lakehouse.open(dir, LakehouseOptions.defaults().withClock(clock).withCheckpointInterval(3));
    }

    @Test
    void appendsAreReadBackExactlyAndEachIsOneVersion() {
        Lakehouse lh = lakehouse();
        DeltaTable t = lh.createTable("market.ohlcv", TestTables.OHLCV, List.of());
        ColumnBatch a = TestTables.bars("BTC-USDT", 0, 500);
        ColumnBatch b = TestTables.bars("ETH-USDT", 0, 300);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, t.append(a).version());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, t.append(b).version());
        Snapshot s = lh.read("market.ohlcv");
        assertEquals(2, s.version());
        assertEquals(800, s.rowCount());
        List<List<Object>> expected = new ArrayList<>(TestTables.values(a));
        expected.addAll(TestTables.values(b));
        expected.sort((x, y) -> x.toString().compareTo(y.toString()));
        assertEquals(expected, TestTables.values(s.read()));
        assertEquals(TestTables.values(a), TestTables.values(lh.readVersion("market.ohlcv", 1).read()));
        assertEquals(0, lh.readVersion("market/ohlcv", 0).read().rowCount());
        assertTrue(Files.isDirectory(dir.resolve("market/ohlcv/_delta_log")));
    }

    @Test
    void timeTravelByTimestampUsesCommitTimestamps() {
        Lakehouse lh = lakehouse();
        DeltaTable t = lh.createTable("users", Schema.of(Field.required("id", DataType.LONG), Field.of("name", DataType.STRING)), List.of());
        Instant created = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        t.append(ColumnBatch.builder(t.snapshot().schema()).addRow(1L, "ann").build());
        Instant first = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        t.append(ColumnBatch.builder(t.snapshot().schema()).addRow(2L, "bob").build());
        List<VersionInfo> versions = lh.listVersions("users");
        assertEquals(List.of(0L, 1L, 2L), versions.stream().map(VersionInfo::version).toList());
        assertEquals(List.of("CREATE TABLE", "WRITE", "WRITE"), versions.stream().map(VersionInfo::operation).toList());
        assertEquals(created, versions.get(0).timestamp());
        assertEquals(first, versions.get(1).timestamp());
        assertEquals("1", versions.get(1).operationMetrics().get("numOutputRows"));
        assertEquals(1, lh.readAtTimestamp("users", first.plusSeconds(60)).version());
        assertEquals(0, lh.readAtTimestamp("users", first.minusMillis(1)).version());
        assertEquals(2, lh.readAtTimestamp("users", Instant.parse("2030-01-01T00:00:00Z")).version());
        TableNotFoundException before = assertThrows(TableNotFoundException.class,
                () -> lh.readAtTimestamp("users", created.minusSeconds(1)));
        assertTrue(before.getMessage().contains("no version at or before"), before.getMessage());
    }

    @Test
    void commitTimestampsStayMonotonicWhenTheClockGoesBack() {
        Lakehouse lh = lakehouse();
        DeltaTable t = lh.createTable("k", Schema.of(Field.of("x", DataType.LONG)), List.of());
        clock.advance(Duration.ofHours(-1));
        t.append(ColumnBatch.builder(t.snapshot().schema()).addRow(1L).build());
        List<VersionInfo> h = t.history();
        assertTrue(h.get(1).timestamp().isAfter(h.get(0).timestamp()));
    }

    @Test
    void deleteRewritesOnlyAffectedFilesAndOldVersionsStillRead() {
        Lakehouse lh = lakehouse();
        DeltaTable t = lh.createTable("m", TestTables.OHLCV, List.of("symbol"));
        t.append(TestTables.bars("BTC-USDT", 0, 100));
        t.append(TestTables.bars("ETH-USDT", 0, 100));
        Snapshot before = t.snapshot();
        CommitResult r = t.delete(Predicate.eq("symbol", "BTC-USDT").and(Predicate.lt("volume", 1050L)));
        assertTrue(r.committed());
        assertEquals(50, r.rowsRemoved());
        assertEquals(1, r.removedFiles());
        assertEquals(1, r.addedFiles());
        Snapshot after = t.snapshot();
        assertEquals(150, after.rowCount());
        assertEquals(50, after.read(List.of("symbol"), Predicate.eq("symbol", "BTC-USDT")).rowCount());
        assertEquals(200, t.snapshotAt(before.version()).read().rowCount());
        assertEquals("DELETE", t.history().get((int) r.version()).operation());
        assertFalse(t.delete(Predicate.eq("symbol", "NOPE")).committed());
    }

    @Test
    void overwriteReplacesEverything() {
        DeltaTable t = lakehouse().createTable("o", TestTables.OHLCV, List.of());
        t.append(TestTables.bars("A", 0, 10));
        CommitResult r = t.overwrite(TestTables.bars("B", 0, 3));
        assertEquals(10, r.rowsRemoved());
        assertEquals(TestTables.values(TestTables.bars("B", 0, 3)), TestTables.values(t.snapshot().read()));
    }

    @Test
    void projectionAndPredicatesSelectExactRowsAndSkipFiles() {
        DeltaTable t = lakehouse().createTable("p", TestTables.OHLCV, List.of());
        t.append(TestTables.bars("A", 0, 100));
        t.append(TestTables.bars("A", 100, 100));
        t.append(TestTables.bars("A", 200, 100));
        Snapshot s = t.snapshot();
        Predicate p = Predicate.ge("volume", 1150L).and(Predicate.lt("volume", 1180L));
        assertEquals(1, s.dataFiles(p).size(), "stats must rule out the other two files");
        ColumnBatch out = s.read(List.of("volume", "close"), p);
        assertEquals(List.of("volume", "close"), out.schema().names());
        assertEquals(30, out.rowCount());
        for (Row r : out.rows()) {
            long v = r.getLong("volume");
            assertTrue(v >= 1150 && v < 1180);
        }
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(1, s.dataFiles(Predicate.lt("ts", t0.plusSeconds(60 * 50))).size());
        assertEquals(50, s.read(List.of("ts"), Predicate.lt("ts", t0.plusSeconds(60 * 50))).rowCount());
    }

    @Test
    void addColumnsEvolvesTheSchemaAndOldFilesReadNull() {
        DeltaTable t = lakehouse().createTable("e", Schema.of(Field.required("id", DataType.LONG)), List.of());
        t.append(ColumnBatch.builder(t.snapshot().schema()).addRow(1L).build());
        t.addColumns(Field.of("note", DataType.STRING));
        Schema s2 = t.snapshot().schema();
        assertEquals(List.of("id", "note"), s2.names());
        t.append(ColumnBatch.builder(s2).addRow(2L, "x").build());
        List<List<Object>> rows = TestTables.values(t.snapshot().read());
        assertEquals(2, rows.size());
        assertEquals(java.util.Arrays.asList(1L, null), rows.get(0));
        assertEquals(List.of(2L, "x"), rows.get(1));
        assertThrows(IllegalArgumentException.class, () -> t.addColumns(Field.required("z", DataType.LONG)));
    }

    @Test
    void badInputFailsClearlyAndLeavesTheTableUnchanged() {
        Lakehouse lh = lakehouse();
        DeltaTable t = lh.createTable("b", TestTables.OHLCV, List.of());
        t.append(TestTables.bars("A", 0, 5));
        long v = t.snapshot().version();
        ColumnBatch wrong = ColumnBatch.builder(Schema.of(Field.of("symbol", DataType.LONG))).addRow(1L).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.append(wrong));
        assertTrue(e.getMessage().contains("symbol") && e.getMessage().contains("string"), e.getMessage());
        ColumnBatch extra = ColumnBatch.builder(Schema.of(Field.of("zzz", DataType.LONG))).addRow(1L).build();
        assertThrows(IllegalArgumentException.class, () -> t.append(extra));
        assertEquals(v, t.snapshot().version());
        assertThrows(TableNotFoundException.class, () -> lh.read("missing"));
        assertThrows(TableNotFoundException.class, () -> lh.readVersion("b", 99));
        assertThrows(IllegalArgumentException.class, () -> lh.readVersion("b", -1));
        for (String bad : List.of("../etc", "/abs", "a..b", "", "a b", "a/./b")) {
            assertThrows(IllegalArgumentException.class, () -> lh.tablePath(bad), bad);
        }
        assertThrows(LakehouseException.class, () -> lh.createTable("b", TestTables.OHLCV, List.of()));
        assertThrows(UnsupportedFeatureException.class,
                () -> lh.createTable("ntz", Schema.of(Field.of("t", DataType.TIMESTAMP_NTZ)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> t.delete(Predicate.eq("nope", 1L)));
        assertThrows(IllegalArgumentException.class, () -> t.delete(Predicate.eq("volume", "text")));
        assertEquals(v, t.snapshot().version());
    }

    @Test
    void appendOnlyTablesRefuseDeletes() {
        DeltaTable t = lakehouse().createTable("ao", TestTables.OHLCV, List.of(), Map.of("delta.appendOnly", "true"));
        t.append(TestTables.bars("A", 0, 5));
        assertThrows(LakehouseException.class, () -> t.delete(Predicate.eq("symbol", "A")));
    }

    @Test
    void exportWritesAStandaloneParquetFileOfTheSnapshot() throws Exception {
        Lakehouse lh = lakehouse();
        DeltaTable t = lh.createTable("x", TestTables.OHLCV, List.of("symbol"));
        t.append(TestTables.bars("A", 0, 20));
        Path out = dir.resolve("export/a.parquet");
        assertEquals(20, t.snapshot().exportParquet(out, TestTables.OHLCV.names(), null));
        assertTrue(Files.size(out) > 0);
        ColumnBatch back = new io.hfthot.lakehouse.internal.parquet.DataFileReader(lh.options().store()).read(out, TestTables.OHLCV);
        assertEquals(TestTables.values(t.snapshot().read()), TestTables.values(back));
    }

    @Test
    void listTablesFindsEveryTable() {
        Lakehouse lh = lakehouse();
        lh.createTable("users", Schema.of(Field.of("id", DataType.LONG)), List.of());
        lh.createTable("market/BTC-USDT", TestTables.OHLCV, List.of());
        assertEquals(List.of("market/BTC-USDT", "users"), lh.listTables());
    }
}
