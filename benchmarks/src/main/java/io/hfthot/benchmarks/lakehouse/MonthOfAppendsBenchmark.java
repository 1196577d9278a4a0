package io.hfthot.benchmarks.lakehouse;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.DeltaTable;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.LakehouseOptions;
import io.hfthot.lakehouse.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A server's month of appends compressed in time: every simulated minute one append of one bar per symbol (one small
 * file per symbol partition, as the reference server's 60 s appender writes), {@code OPTIMIZE} with a 16 MiB target
 * and a vacuum with the table's retention every 15 simulated minutes (as {@code MarketCompaction} runs them), all on
 * a simulated clock. The trial setup builds that table and checks that its live file count stays bounded; the
 * benchmarks then compare a full-table read of it with the same read of a freshly written table holding the same
 * rows in one commit.
 *
 * <p>Peer figure named in the issue: the full read at the end must be within 1.2x of the fresh table's. The
 * compression is explicit: {@code days} simulated days of {@code minutesPerCommit}-minute commits (with 1, each
 * commit holds one bar per symbol; with more, each commit holds that many bars per symbol, fewer commits, same
 * number of rows). Setup prints the per-commit cost at the start and the end of the simulation to stdout.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class MonthOfAppendsBenchmark {
    private static final String[] SYMBOLS = {"BTC-USDT", "ETH-USDT", "SOL-USDT"};
    private static final long START_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final long COMPACTION_TARGET_BYTES = 16L << 20;
    private static final int COMPACTION_EVERY_MINUTES = 15;

    /** Simulated days. */
    @Param({"30"})
    public int days;

    /** Simulated minutes of bars per commit (1 is the server's pattern). */
    @Param({"15"})
    public int minutesPerCommit;

    private Path root;
    private Lakehouse lakehouse;

    /** Builds the month-old table and the fresh table; fails when the month-old table's file count is not bounded. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        QuietLogging.warnOnly();
        root = Files.createTempDirectory("lakehouse-month");
        SimulatedClock clock = new SimulatedClock(START_MILLIS);
        lakehouse = Lakehouse.open(root, LakehouseOptions.defaults().withClock(clock));
        DeltaTable month = lakehouse.createTable("month", OhlcvData.SCHEMA, List.of("symbol"));
        int minutes = days * 24 * 60;
        int commits = minutes / minutesPerCommit;
        long[] commitNanos = new long[commits];
        long start = System.nanoTime();
        int maxLiveFiles = 0;
        for (int c = 0; c < commits; c++) {
            int firstMinute = c * minutesPerCommit;
            clock.set(START_MILLIS + (firstMinute + minutesPerCommit) * 60_000L);
            long t0 = System.nanoTime();
            month.append(bars(firstMinute, minutesPerCommit));
            commitNanos[c] = System.nanoTime() - t0;
            int minuteAfter = firstMinute + minutesPerCommit;
            if (minuteAfter % COMPACTION_EVERY_MINUTES < minutesPerCommit) {
                maxLiveFiles = Math.max(maxLiveFiles, month.snapshot().dataFiles().size());
                month.optimize(COMPACTION_TARGET_BYTES, null);
                month.vacuum();
            }
        }
        int liveFiles = month.snapshot().dataFiles().size();
        maxLiveFiles = Math.max(maxLiveFiles, liveFiles);
        // Between two compactions each partition gains one file per commit, and a compaction leaves one file per
        // partition while the partition is below the target size.
        int bound = SYMBOLS.length * (Math.max(1, COMPACTION_EVERY_MINUTES / minutesPerCommit) + 1);
        if (maxLiveFiles > bound) {
            throw new IllegalStateException("live file count not bounded: " + maxLiveFiles + " > " + bound);
        }
        DeltaTable fresh = lakehouse.createTable("fresh", OhlcvData.SCHEMA, List.of("symbol"));
        fresh.append(bars(0, minutes));
        int window = Math.min(500, commits / 2);
        System.out.printf("month setup: %d days, %d commits of %d min, %.1f s; ms per append: first %d %.2f, last %d %.2f;"
                        + " max live files %d (bound %d), at end %d (fresh table %d); files on disk %d%n",
                days, commits, minutesPerCommit, (System.nanoTime() - start) / 1e9, window, meanMillis(commitNanos, 0, window),
                window, meanMillis(commitNanos, commits - window, commits), maxLiveFiles, bound, liveFiles,
                fresh.snapshot().dataFiles().size(), countDataFiles(month.path()));
        if (lakehouse.read("month").rowCount() != lakehouse.read("fresh").rowCount()) {
            throw new IllegalStateException("the month-old and the fresh table hold different row counts");
        }
    }

    /** Removes both tables. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Full read of the table after the simulated month (goal: within 1.2x of {@link #fullReadFresh}). */
    @Benchmark
    public long fullReadAfterMonth(Blackhole bh) {
        return LakehouseBenchmarks.consume(lakehouse.read("month").read(), bh);
    }

    /** Full read of the same rows written to a fresh table in one commit. */
    @Benchmark
    public long fullReadFresh(Blackhole bh) {
        return LakehouseBenchmarks.consume(lakehouse.read("fresh").read(), bh);
    }

    /** Bars of every symbol for {@code count} minutes from {@code firstMinute}, deterministic in the minute. */
    private static ColumnBatch bars(int firstMinute, int count) {
        Schema schema = OhlcvData.SCHEMA;
        ColumnBatch.Builder b = ColumnBatch.builder(schema);
        for (String symbol : SYMBOLS) {
            for (int m = firstMinute; m < firstMinute + count; m++) {
                double px = 100 + (m % 1000) * 0.01 + symbol.length();
                b.addRow(symbol, Instant.ofEpochMilli(START_MILLIS + m * 60_000L), px, px + 0.5, px - 0.5, px + 0.1, (long) m);
            }
        }
        return b.build();
    }

    private static double meanMillis(long[] nanos, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += nanos[i];
        }
        return to > from ? sum / 1e6 / (to - from) : Double.NaN;
    }

    private static long countDataFiles(Path table) throws IOException {
        try (var s = Files.walk(table)) {
            return s.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log")).count();
        }
    }

    /** A clock the simulation moves forward. */
    static final class SimulatedClock extends Clock {
        private volatile long millis;

        SimulatedClock(long millis) {
            this.millis = millis;
        }

        void set(long m) {
            millis = m;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
