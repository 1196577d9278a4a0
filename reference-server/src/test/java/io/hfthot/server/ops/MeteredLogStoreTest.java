package io.hfthot.server.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.DeltaTable;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.LakehouseOptions;
import io.hfthot.lakehouse.Schema;
import io.hfthot.lakehouse.storage.LocalLogStore;
import io.hfthot.lakehouse.storage.LogStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits and commit conflicts counted at the log store, checked against an independent count of the same
 * put-if-absent outcomes and against the table's own version number.
 */
class MeteredLogStoreTest {
    private static final Schema SCHEMA = Schema.of(Field.required("writer", DataType.INTEGER), Field.required("seq", DataType.INTEGER));

    @Test
    void concurrentWritersCountEveryCommitAndEveryLostRace(@TempDir Path dir) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger won = new AtomicInteger();
        // The independent reference: put-if-absent outcomes on commit files counted below the metered store.
        LocalLogStore real = new LocalLogStore();
        LogStore local = (LogStore) Proxy.newProxyInstance(LogStore.class.getClassLoader(), new Class<?>[] {LogStore.class},
                (proxy, method, args) -> {
                    boolean commit = method.getName().equals("putIfAbsent") && ((Path) args[0]).getParent().endsWith("_delta_log")
                            && args[0].toString().endsWith(".json");
                    try {
                        Object result = method.invoke(real, args);
                        if (commit) {
                            won.incrementAndGet();
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        if (commit && e.getCause() instanceof FileAlreadyExistsException) {
                            lost.incrementAndGet();
                        }
                        throw e.getCause();
                    }
                });
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withStore(new MeteredLogStore(local, dir, registry)));
        lh.createTable("t", SCHEMA, List.of());
        int writers = 4;
        int commitsEach = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            done.add(pool.submit(() -> {
                start.await();
                DeltaTable t = lh.table("t");
                for (int s = 0; s < commitsEach; s++) {
                    t.append(ColumnBatch.builder(SCHEMA).addRow(id, s).build());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long version = lh.read("t").version();
        assertEquals(version + 1, registry.get("hfthot.lakehouse.commits").tag("table", "t").counter().count(),
                "one commit per version, the create included");
        assertEquals(won.get(), registry.get("hfthot.lakehouse.commits").tag("table", "t").counter().count());
        assertEquals(lost.get(), registry.get("hfthot.lakehouse.commit.conflicts").tag("table", "t").counter().count(),
                "every lost race is a conflict");
    }

    @Test
    void aCommitThatFindsItsVersionTakenIsAConflictAndStillFails(@TempDir Path dir) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MeteredLogStore store = new MeteredLogStore(new LocalLogStore(), dir, registry);
        Path commit = dir.resolve("market/ohlcv/_delta_log/00000000000000000000.json");
        store.putIfAbsent(commit, new byte[] {1});
        assertThrows(FileAlreadyExistsException.class, () -> store.putIfAbsent(commit, new byte[] {2}));
        assertArrayEquals(new byte[] {1}, store.read(commit), "the winner's content is unchanged");
        assertEquals(1.0, registry.get("hfthot.lakehouse.commits").tag("table", "market/ohlcv").counter().count());
        assertEquals(1.0, registry.get("hfthot.lakehouse.commit.conflicts").tag("table", "market/ohlcv").counter().count());
        store.putIfAbsent(dir.resolve("market/ohlcv/_delta_log/_last_checkpoint.tmp"), new byte[] {3});
        store.putIfAbsent(dir.resolve("market/ohlcv/part-0001.parquet"), new byte[] {4});
        assertEquals(1.0, registry.get("hfthot.lakehouse.commits").counter().count(), "other files are not commits");
    }
}
