package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentCommitTest {
    @TempDir
    Path dir;

    @Test
    void simultaneousCreationsFromSeparateLakehousesCreateTheTableOnce() throws Exception {
        // Two Lakehouse objects on one directory stand for two replicas starting together: both see no table,
        // both try version 0, exactly one writes it and the other returns quietly.
        Schema schema = Schema.of(Field.required("id", DataType.INTEGER));
        int rounds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                Path base = dir.resolve("round-" + round);
                Lakehouse a = Lakehouse.open(base);
                Lakehouse b = Lakehouse.open(base);
                CountDownLatch start = new CountDownLatch(1);
                Future<Boolean> fa = pool.submit(() -> {
                    start.await();
                    return a.createTableIfAbsent("t", schema, List.of(), java.util.Map.of("delta.appendOnly", "true"));
                });
                Future<Boolean> fb = pool.submit(() -> {
                    start.await();
                    return b.createTableIfAbsent("t", schema, List.of(), java.util.Map.of("delta.appendOnly", "true"));
                });
                start.countDown();
                assertEquals(1, (fa.get() ? 1 : 0) + (fb.get() ? 1 : 0), "round " + round + ": exactly one creator");
                assertEquals(0, a.read("t").version());
                assertEquals(0, b.read("t").version());
            }
        } finally {
            pool.shutdown();
        }
        Lakehouse again = Lakehouse.open(dir.resolve("round-0"));
        assertEquals(false, again.createTableIfAbsent("t", schema, List.of(), java.util.Map.of()));
    }

    @Test
    void concurrentAppendsAreAllKeptWithNoLostUpdate() throws Exception {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withCheckpointInterval(5));
        Schema schema = Schema.of(Field.required("writer", DataType.INTEGER), Field.required("seq", DataType.INTEGER));
        lh.createTable("c", schema, List.of());
        int writers = 4;
        int commitsEach = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            futures.add(pool.submit(() -> {
                start.await();
                DeltaTable t = lh.table("c");
                List<Long> versions = new ArrayList<>();
                for (int s = 0; s < commitsEach; s++) {
                    versions.add(t.append(ColumnBatch.builder(schema).addRow(id, s).build()).version());
                }
                return versions;
            }));
        }
        start.countDown();
        Set<Long> versions = new HashSet<>();
        for (Future<List<Long>> f : futures) {
            versions.addAll(f.get());
        }
        pool.shutdown();
        assertEquals(writers * commitsEach, versions.size(), "every commit got its own version");
        Snapshot s = lh.read("c");
        assertEquals(writers * commitsEach, s.version());
        assertEquals(writers * commitsEach, s.read().rowCount());
        Set<String> seen = new HashSet<>();
        for (Row r : s.rows()) {
            seen.add(r.get("writer") + ":" + r.get("seq"));
        }
        assertEquals(writers * commitsEach, seen.size());
    }

    @Test
    void aDeleteThatReadRowsAConcurrentCommitChangedFailsWithAConflict() {
        Lakehouse lh = Lakehouse.open(dir);
        DeltaTable t = lh.createTable("d", TestTables.OHLCV, List.of());
        t.append(TestTables.bars("A", 0, 10));
        // Writer 1 deletes from version 1; writer 2 has already rewritten the same file at version 2.
        Snapshot stale = t.snapshot();
        t.delete(Predicate.eq("volume", 1000L));
        assertTrue(stale.version() < t.snapshot().version());
        // Simulate the race: commit a delete computed against the stale snapshot through the committer.
        var log = new io.hfthot.lakehouse.internal.log.DeltaLog(lh.options().store(), t.path(), "d");
        var committer = new io.hfthot.lakehouse.internal.table.Committer(log, lh.options().clock(), 10, 0);
        var file = stale.state().files().values().iterator().next();
        var remove = new io.hfthot.lakehouse.internal.actions.Action.RemoveFile(file.path(), 0, true, file.partitionValues(), file.size(), null);
        var intent = new io.hfthot.lakehouse.internal.table.CommitIntent("DELETE", java.util.Map.of(), java.util.Map.of(), false, true,
                Predicate.eq("volume", 1001L), Set.of(file.key()), false, false);
        CommitConflictException e = assertThrows(CommitConflictException.class,
                () -> committer.commit(stale.state(), List.of(remove), intent));
        assertTrue(e.getMessage().contains("concurrent"), e.getMessage());
        assertEquals(9, t.snapshot().read().rowCount(), "the losing delete changed nothing");
    }

    @Test
    void aBlindAppendOnTopOfAStaleSnapshotIsRetriedNotLost() {
        Lakehouse lh = Lakehouse.open(dir);
        DeltaTable t = lh.createTable("r", TestTables.OHLCV, List.of());
        Snapshot stale = t.snapshot();
        t.append(TestTables.bars("A", 0, 3));
        var log = new io.hfthot.lakehouse.internal.log.DeltaLog(lh.options().store(), t.path(), "r");
        var committer = new io.hfthot.lakehouse.internal.table.Committer(log, lh.options().clock(), 10, 0);
        var intent = new io.hfthot.lakehouse.internal.table.CommitIntent("WRITE", java.util.Map.of(), java.util.Map.of(), true, false,
                null, Set.of(), false, false);
        assertEquals(2, committer.commit(stale.state(), List.of(), intent));
    }
}
