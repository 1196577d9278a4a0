package io.hfthot.benchmarks.lakehouse;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.LakehouseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Commit throughput with 4 concurrent writers appending small batches to one table (optimistic concurrency with
 * put-if-absent and retries), lakehouse-core against Delta Kernel's default engine in the same run.
 *
 * <p>The issue names no peer figure for this one; Kernel is measured alongside. One operation = every writer
 * makes {@code commitsPerWriter} commits; commits/s = writers * commitsPerWriter / time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class ConcurrentCommitBenchmarks {
    /** Concurrent writers. */
    @Param({"4"})
    public int writers;

    /** Commits each writer makes per operation. */
    @Param({"10"})
    public int commitsPerWriter;

    private ExecutorService pool;
    private Path root;
    private ColumnBatch small;
    private int counter;

    /** Starts the writer pool. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        QuietLogging.warnOnly();
        pool = Executors.newFixedThreadPool(writers);
        root = Files.createTempDirectory("lakehouse-commits");
        small = OhlcvData.bars(100, 3);
    }

    /** Stops the pool and deletes the tables. */
    @TearDown(Level.Trial)
    public void tearDown() throws java.io.IOException {
        pool.shutdownNow();
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Ours: 4 writers, each committing appends to the same table. */
    @Benchmark
    public int concurrentAppendsOurs() throws Exception {
        Lakehouse lh = Lakehouse.open(root.resolve("ours" + (counter++)), LakehouseOptions.defaults().withCheckpointInterval(10));
        lh.createTable("t", OhlcvData.SCHEMA, List.of());
        return run(() -> {
            for (int i = 0; i < commitsPerWriter; i++) {
                lh.table("t").append(small);
            }
            return null;
        });
    }

    /** Kernel: 4 writers, each committing appends to the same table. */
    @Benchmark
    public int concurrentAppendsKernel() throws Exception {
        Path t = root.resolve("kernel" + (counter++));
        KernelPeer.create(t, OhlcvData.SCHEMA);
        return run(() -> {
            for (int i = 0; i < commitsPerWriter; i++) {
                KernelPeer.append(t, small);
            }
            return null;
        });
    }

    private int run(java.util.concurrent.Callable<Void> writer) throws Exception {
        List<Future<Void>> fs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            fs.add(pool.submit(writer));
        }
        for (Future<Void> f : fs) {
            f.get();
        }
        return writers * commitsPerWriter;
    }
}
