package io.hfthot.lakehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process for {@link NoHadoopRuntimeTest}: exercises every code path that touches Parquet (data files,
 * checkpoints, export) on a classpath without Hadoop, and exits 0 only when all results are right.
 */
public final class NoHadoopMain {
    private NoHadoopMain() {
    }

    /** Argument: a scratch directory. */
    public static void main(String[] args) throws Exception {
        try {
            Class.forName("org.apache.hadoop.conf.Configuration");
            throw new IllegalStateException("Hadoop is on the classpath; the check would prove nothing");
        } catch (ClassNotFoundException expected) {
            // the point of this process
        }
        Lakehouse lh = Lakehouse.open(Path.of(args[0]), LakehouseOptions.defaults().withCheckpointInterval(2));
        DeltaTable t = lh.createTable("m.ohlcv", TestTables.OHLCV, List.of("symbol"));
        t.append(TestTables.bars("A", 0, 100));
        t.append(TestTables.bars("B", 0, 100));
        t.delete(Predicate.lt("volume", 1010L));
        Snapshot s = lh.read("m.ohlcv");
        check(s.read().rowCount() == 180, "rows after delete: " + s.read().rowCount());
        check(Files.exists(t.path().resolve("_delta_log/00000000000000000002.checkpoint.parquet")), "checkpoint written");
        check(lh.readVersion("m.ohlcv", 1).read().rowCount() == 100, "time travel");
        Path export = Path.of(args[0], "export.parquet");
        check(s.exportParquet(export, List.of("symbol", "close"), null) == 180, "export");
        System.out.println("OK");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
