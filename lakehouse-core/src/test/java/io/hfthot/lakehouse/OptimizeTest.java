package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final TestTables.ManualClock clock = new TestTables.ManualClock(Instant.parse("2026-05-01T00:00:00Z"));

    private DeltaTable table(Map<String, String> properties) {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withClock(clock).withCheckpointInterval(0));
        return lh.createTable("bars", TestTables.OHLCV, List.of("symbol"), properties);
    }

    /** One append per minute per symbol: the server's pattern of many one-row files. */
    private static void trickle(DeltaTable t, int minutes, String... symbols) {
        for (int m = 0; m < minutes; m++) {
            for (String s : symbols) {
                t.append(TestTables.bars(s, m, 1));
            }
        }
    }

    private static List<JsonNode> actions(DeltaTable t, long version) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(t.path().resolve("_delta_log").resolve(String.format("%020d.json", version)))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void compactsEachPartitionIntoOneFileAsADataChangeFalseCommitThatKernelReads() throws Exception {
        DeltaTable t = table(Map.of());
        trickle(t, 15, "AAA", "BBB");
        long before = t.snapshot().version();
        List<List<Object>> rows = TestTables.values(t.snapshot().read());
        assertEquals(30, t.snapshot().dataFiles().size());

        OptimizeResult r = t.optimize(64L << 20, null);
        assertTrue(r.committed());
        assertEquals(30, r.removedFiles());
        assertEquals(2, r.addedFiles());
        assertEquals(2, r.partitions());
        assertEquals(2, t.snapshot().dataFiles().size());
        assertEquals(rows, TestTables.values(t.snapshot().read()), "no row changed");
        assertEquals(rows, KernelOracle.rows(t.path(), null), "Delta Kernel reads the compacted version");
        assertEquals(rows, KernelOracle.rows(t.path(), before), "and the version before it");

        int adds = 0;
        int removes = 0;
        for (JsonNode a : actions(t, r.version())) {
            if (a.has("commitInfo")) {
                assertEquals("OPTIMIZE", a.get("commitInfo").get("operation").asText());
            } else if (a.has("add")) {
                assertFalse(a.get("add").get("dataChange").asBoolean());
                adds++;
            } else if (a.has("remove")) {
                assertFalse(a.get("remove").get("dataChange").asBoolean());
                removes++;
            }
        }
        assertEquals(2, adds);
        assertEquals(30, removes);
        assertFalse(t.optimize(64L << 20, null).committed(), "nothing left to compact");
    }

    @Test
    void aPartitionFilterCompactsOnlyThosePartitions() {
        DeltaTable t = table(Map.of());
        trickle(t, 5, "AAA", "BBB");
        OptimizeResult r = t.optimize(64L << 20, Predicate.eq("symbol", "AAA"));
        assertEquals(5, r.removedFiles());
        assertEquals(1, t.snapshot().dataFiles(Predicate.eq("symbol", "AAA")).size());
        assertEquals(5, t.snapshot().dataFiles(Predicate.eq("symbol", "BBB")).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.optimize(64L << 20, Predicate.gt("volume", 0L)));
        assertTrue(e.getMessage().contains("'volume'") && e.getMessage().contains("partition"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.optimize(0, null));
    }

    @Test
    void theTargetSizeBoundsTheBins() {
        DeltaTable t = table(Map.of());
        trickle(t, 20, "AAA");
        long max = t.snapshot().dataFiles().stream().mapToLong(DataFile::size).max().orElseThrow();
        long min = t.snapshot().dataFiles().stream().mapToLong(DataFile::size).min().orElseThrow();
        assertTrue(4 * max < 5 * min, "the one-row files are nearly equal in size: " + min + ".." + max);
        // With 4 * max as the target, four files always fit in a bin and five never do.
        OptimizeResult r = t.optimize(4 * max, null);
        assertEquals(20, r.removedFiles());
        assertEquals(5, r.addedFiles(), "bins of four files each");
        assertEquals(20, t.snapshot().rowCount());
        DeltaTable u = table2();
        trickle(u, 3, "AAA");
        assertFalse(u.optimize(1, null).committed(), "every file is already above the target");
    }

    private DeltaTable table2() {
        return Lakehouse.open(dir.resolve("other"), LakehouseOptions.defaults().withClock(clock))
                .createTable("bars", TestTables.OHLCV, List.of());
    }

    @Test
    void anAppendOnlyTableIsCompactedToo() {
        DeltaTable t = table(Map.of("delta.appendOnly", "true"));
        trickle(t, 4, "AAA");
        assertTrue(t.optimize(64L << 20, null).committed());
        assertEquals(4, t.snapshot().rowCount());
    }

    @Test
    void concurrentAppendsNeverConflictAndNoRowIsLostOrDuplicated() throws Exception {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults());
        DeltaTable t = lh.createTable("bars", TestTables.OHLCV, List.of("symbol"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> writer = pool.submit(() -> {
                for (int m = 0; m < 60; m++) {
                    t.append(TestTables.bars(m % 2 == 0 ? "AAA" : "BBB", m, 1));
                }
            });
            int committed = 0;
            while (!writer.isDone()) {
                committed += t.optimize(64L << 20, null).committed() ? 1 : 0;
            }
            writer.get();
            committed += t.optimize(64L << 20, null).committed() ? 1 : 0;
            assertTrue(committed >= 1);
        } finally {
            pool.shutdownNow();
        }
        List<Row> rows = t.snapshot().rows();
        assertEquals(60, rows.size());
        assertEquals(60, new HashSet<>(rows.stream().map(r -> r.get("ts")).toList()).size(), "each bar once");
        assertEquals(TestTables.values(t.snapshot().read()), KernelOracle.rows(t.path(), null));
        assertEquals(2, t.snapshot().dataFiles().size());
    }

    @Test
    void anUpsertReplacesARowInsideACompactedFile() {
        DeltaTable t = table(Map.of());
        trickle(t, 6, "AAA");
        clock.advance(Duration.ofSeconds(1));
        t.optimize(64L << 20, null);
        assertEquals(1, t.snapshot().dataFiles().size());
        CommitResult r = t.upsert(TestTables.bars("AAA", 2, 1), List.of("symbol", "ts"));
        assertEquals(1, r.rowsRemoved());
        assertEquals(6, t.snapshot().rowCount());
    }

    @Test
    void aCompactionConflictsOnlyWithAWriterRemovingOneOfItsFiles() {
        DeltaTable t = table(Map.of());
        trickle(t, 3, "AAA", "BBB");
        io.hfthot.lakehouse.internal.log.TableState stale = t.log().load();
        t.optimize(64L << 20, Predicate.eq("symbol", "AAA"));
        io.hfthot.lakehouse.internal.table.Committer committer =
                new io.hfthot.lakehouse.internal.table.Committer(t.log(), clock, 5, 0);
        java.util.function.Function<String, io.hfthot.lakehouse.internal.actions.Action.AddFile> fileOf = symbol ->
                stale.files().values().stream().filter(f -> symbol.equals(f.partitionValues().get("symbol"))).findFirst().orElseThrow();
        // A reader-writer planned on the stale version that removes a file of the other partition lands on top.
        var bbb = fileOf.apply("BBB");
        var removeB = new io.hfthot.lakehouse.internal.actions.Action.RemoveFile(bbb.path(), clock.millis(), true, bbb.partitionValues(), bbb.size(), null);
        long v = committer.commit(stale, List.of(removeB), new io.hfthot.lakehouse.internal.table.CommitIntent("DELETE", Map.of(), Map.of(),
                false, true, Predicate.eq("symbol", "BBB"), java.util.Set.of(bbb.key()), false, false));
        assertEquals(stale.version() + 2, v);
        // One that removes a file the compaction replaced must conflict: its rows live on in the compacted file.
        var aaa = fileOf.apply("AAA");
        var removeA = new io.hfthot.lakehouse.internal.actions.Action.RemoveFile(aaa.path(), clock.millis(), true, aaa.partitionValues(), aaa.size(), null);
        assertThrows(CommitConflictException.class, () -> committer.commit(stale, List.of(removeA),
                new io.hfthot.lakehouse.internal.table.CommitIntent("DELETE", Map.of(), Map.of(), false, true,
                        Predicate.eq("symbol", "AAA"), java.util.Set.of(aaa.key()), false, false)));
        assertEquals(5, t.snapshot().rowCount());
    }
}
