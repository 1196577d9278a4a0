package io.hfthot.benchmarks.sql;

import io.hfthot.lakehouse.duckdb.QueryResult;

import java.util.Arrays;

/**
 * A paired, interleaved measurement of the same three operations as {@link SqlQueryBenchmark}: each round runs
 * DuckDB alone, the engine with a repeated text and the engine with a new text back to back, so a load spike on
 * a shared machine hits all three alike; medians and the ratio are printed. Complements the JMH figures, which
 * measure each operation in its own time window.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar
 * io.hfthot.benchmarks.sql.SqlInterleavedComparison [rounds]}.
 */
public final class SqlInterleavedComparison {

    private SqlInterleavedComparison() {
    }

    /**
     * Runs the comparison for both layouts.
     *
     * @param args optional number of measured rounds (default 400, after 100 warm-up rounds)
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        for (String layout : new String[] {"flat", "partitioned"}) {
            SqlQueryBenchmark bench = new SqlQueryBenchmark();
            bench.layout = layout;
            bench.setUp();
            try {
                long[] peer = new long[rounds];
                long[] engine = new long[rounds];
                long[] engineNewText = new long[rounds];
                double sink = 0;
                for (int round = -100; round < rounds; round++) {
                    long t0 = System.nanoTime();
                    sink += bench.peerOnce();
                    long t1 = System.nanoTime();
                    QueryResult cached = bench.engineJson();
                    long t2 = System.nanoTime();
                    QueryResult uncached = bench.engineJsonNewText();
                    long t3 = System.nanoTime();
                    sink += cached.bodyLength() + uncached.bodyLength();
                    if (round >= 0) {
                        peer[round] = t1 - t0;
                        engine[round] = t2 - t1;
                        engineNewText[round] = t3 - t2;
                    }
                }
                double peerMedian = median(peer);
                System.out.printf("layout=%s rounds=%d  DuckDB alone p50 %.2f ms | engine JSON p50 %.2f ms (x%.2f) | "
                                + "engine JSON new text p50 %.2f ms (x%.2f)  [checksum %.0f]%n", layout, rounds, peerMedian,
                        median(engine), median(engine) / peerMedian, median(engineNewText), median(engineNewText) / peerMedian, sink);
            } finally {
                bench.tearDown();
            }
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
