package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpsertTest {
    private static final List<String> KEY = List.of("symbol", "ts");

    @TempDir
    Path dir;

    private final TestTables.ManualClock clock = new TestTables.ManualClock(Instant.parse("2026-04-01T00:00:00Z"));

    private DeltaTable table(Map<String, String> properties) {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withClock(clock));
        return lh.createTable("bars", TestTables.OHLCV, List.of("symbol"), properties);
    }

    /** Bars as {@link TestTables#bars} but with every close shifted, to tell replaced rows from originals. */
    private static ColumnBatch revised(String symbol, int startMinute, int n, double shift) {
        ColumnBatch.Builder b = ColumnBatch.builder(TestTables.OHLCV);
        for (Row r : TestTables.bars(symbol, startMinute, n).rows()) {
            List<Object> v = new ArrayList<>(r.values());
            v.set(5, (Double) v.get(5) + shift);
            b.addRow(v.toArray());
        }
        return b.build();
    }

    private static long parquetFiles(Path table) throws Exception {
        try (Stream<Path> s = Files.walk(table)) {
            return s.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log")).count();
        }
    }

    @Test
    void overlappingBarsReplaceStoredOnesInOneCommitAndKernelAgrees() throws Exception {
        DeltaTable t = table(Map.of());
        t.append(TestTables.bars("AAA", 0, 10));
        t.append(TestTables.bars("BBB", 0, 10));
        CommitResult r = t.upsert(revised("AAA", 5, 10, 1000.0), KEY);
        assertEquals(10, r.rowsWritten());
        assertEquals(5, r.rowsRemoved(), "minutes 5..9 existed and are replaced");
        assertEquals("UPSERT", t.history().get((int) r.version()).operation());

        List<Row> aaa = t.snapshot().rows(List.of("ts", "close"), Predicate.eq("symbol", "AAA"));
        assertEquals(15, aaa.size(), "no duplicate (symbol, ts)");
        List<Object> expected = new ArrayList<>();
        List<Object> actual = new ArrayList<>();
        for (Row row : TestTables.bars("AAA", 0, 5).rows()) {
            expected.add(row.get("ts") + "=" + row.get("close"));
        }
        for (Row row : revised("AAA", 5, 10, 1000.0).rows()) {
            expected.add(row.get("ts") + "=" + row.get("close"));
        }
        for (Row row : aaa) {
            actual.add(row.get("ts") + "=" + row.get("close"));
        }
        assertEquals(expected.stream().map(String::valueOf).sorted().toList(), actual.stream().map(String::valueOf).sorted().toList());
        assertEquals(10, t.snapshot().rows(List.of("ts"), Predicate.eq("symbol", "BBB")).size(), "the other partition is untouched");
        assertEquals(TestTables.values(t.snapshot().read()), KernelOracle.rows(t.path(), null));
        assertEquals(20, t.snapshotAt(r.version() - 1).rowCount(), "the version before the upsert is unchanged");
    }

    @Test
    void reSendingTheSameBatchIsIdempotent() {
        DeltaTable t = table(Map.of());
        t.upsert(TestTables.bars("AAA", 0, 30), KEY);
        List<List<Object>> once = TestTables.values(t.snapshot().read());
        CommitResult again = t.upsert(TestTables.bars("AAA", 0, 30), KEY);
        assertEquals(30, again.rowsRemoved());
        assertEquals(once, TestTables.values(t.snapshot().read()));
    }

    @Test
    void barsAfterEveryStoredOneTouchNoStoredFile() throws Exception {
        DeltaTable t = table(Map.of());
        t.append(TestTables.bars("AAA", 0, 10));
        long files = parquetFiles(t.path());
        CommitResult r = t.upsert(TestTables.bars("AAA", 10, 5), KEY);
        assertEquals(0, r.removedFiles(), "statistics prove no stored file holds minutes 10..14");
        assertEquals(files + 1, parquetFiles(t.path()));
        assertEquals(15, t.snapshot().rowCount());
    }

    @Test
    void theLastRowOfAKeyRepeatedInTheBatchWins() {
        DeltaTable t = table(Map.of());
        ColumnBatch both = ColumnBatch.concat(TestTables.OHLCV, List.of(TestTables.bars("AAA", 0, 3), revised("AAA", 1, 1, 7.0)));
        CommitResult r = t.upsert(both, KEY);
        assertEquals(3, r.rowsWritten());
        Row minute1 = t.snapshot().rows(List.of("close"), Predicate.eq("ts", Instant.parse("2026-01-01T00:01:00Z"))).get(0);
        assertEquals((Double) revised("AAA", 1, 1, 7.0).rows().get(0).get("close"), minute1.getDouble("close"), 0.0);
    }

    @Test
    void badKeysAreRefusedAndLeaveTheTableUnchanged() throws Exception {
        DeltaTable t = table(Map.of());
        t.append(TestTables.bars("AAA", 0, 3));
        long version = t.snapshot().version();
        long files = parquetFiles(t.path());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> t.upsert(TestTables.bars("AAA", 0, 3), List.of("symbol", "minute")));
        assertTrue(unknown.getMessage().contains("'minute'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.upsert(TestTables.bars("AAA", 0, 3), List.of()));
        ColumnBatch nullKey = ColumnBatch.builder(TestTables.OHLCV).addRow("AAA", Instant.parse("2026-01-01T00:00:00Z"), null, null, null, null, null).build();
        IllegalArgumentException nulls = assertThrows(IllegalArgumentException.class, () -> t.upsert(nullKey, List.of("symbol", "volume")));
        assertTrue(nulls.getMessage().contains("'volume'"), nulls.getMessage());
        assertEquals(version, t.snapshot().version());
        assertEquals(files, parquetFiles(t.path()));
    }

    @Test
    void anAppendOnlyTableTakesNewKeysButRefusesReplacementsWithoutLeftovers() throws Exception {
        DeltaTable t = table(Map.of("delta.appendOnly", "true"));
        t.upsert(TestTables.bars("AAA", 0, 5), KEY);
        long files = parquetFiles(t.path());
        LakehouseException e = assertThrows(LakehouseException.class, () -> t.upsert(TestTables.bars("AAA", 3, 5), KEY));
        assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        assertEquals(files, parquetFiles(t.path()), "rewritten files of the refused upsert are deleted");
        assertEquals(5, t.snapshot().rowCount());
        assertFalse(t.history().stream().anyMatch(v -> v.version() > 1 && v.operation().equals("UPSERT")));
    }

    @Test
    void liftingAppendOnlyThroughAPropertyCommitAllowsReplacements() throws Exception {
        DeltaTable t = table(Map.of("delta.appendOnly", "true"));
        t.append(TestTables.bars("AAA", 0, 5));
        CommitResult set = t.setProperties(Map.of("delta.appendOnly", "false"));
        assertTrue(set.committed());
        assertFalse(t.setProperties(Map.of("delta.appendOnly", "false")).committed(), "no commit when nothing changes");
        assertEquals("SET TBLPROPERTIES", t.history().get((int) set.version()).operation());
        assertEquals(5, t.upsert(TestTables.bars("AAA", 0, 5), KEY).rowsRemoved());
        assertEquals(TestTables.values(t.snapshot().read()), KernelOracle.rows(t.path(), null));
    }
}
