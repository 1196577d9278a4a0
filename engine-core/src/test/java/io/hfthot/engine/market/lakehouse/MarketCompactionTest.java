package io.hfthot.engine.market.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.storage.StorageGuard;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Predicate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketCompactionTest {
    private static final long T0 = 1_767_225_600_000L;

    @TempDir
    Path dir;

    private static BarColumns bar(String symbol, int minute) {
        double[] px = {100 + minute};
        return new BarColumns(symbol, Interval.ONE_MINUTE, new long[] {T0 + 60_000L * minute}, px, px, px, px, px);
    }

    private static MarketTables trickled(Lakehouse lh, int minutes) {
        MarketTables tables = new MarketTables(lh);
        tables.createMissing();
        for (int m = 0; m < minutes; m++) {
            tables.appendBars(List.of(bar("AAA", m), bar("BBB", m)));
        }
        return tables;
    }

    private static int files(Lakehouse lh, String symbol) {
        return lh.read(MarketTables.OHLCV).dataFiles(Predicate.eq("symbol", symbol)).size();
    }

    @Test
    void onDemandRunCompactsOneSymbolOrAllAndKeepsEveryBar() {
        Lakehouse lh = Lakehouse.open(dir);
        MarketTables tables = trickled(lh, 8);
        List<MarketCompaction.Outcome> one = MarketCompaction.runOnce(lh, MarketCompaction.DEFAULT_TARGET_BYTES, "AAA");
        assertEquals(List.of(MarketTables.OHLCV, MarketTables.TICKS), one.stream().map(MarketCompaction.Outcome::table).toList());
        assertEquals(8, one.get(0).result().removedFiles());
        assertEquals(1, files(lh, "AAA"));
        assertEquals(8, files(lh, "BBB"));
        MarketCompaction.runOnce(lh, MarketCompaction.DEFAULT_TARGET_BYTES, null);
        assertEquals(1, files(lh, "BBB"));
        assertEquals(8, tables.readAllBars("AAA", Interval.ONE_MINUTE).size());
        assertEquals(8, tables.readAllBars("BBB", Interval.ONE_MINUTE).size());
        assertThrows(IllegalArgumentException.class, () -> MarketCompaction.runOnce(lh, 0, null));
    }

    @Test
    void theScheduleCompactsWhileBarsKeepArrivingAndStopsOnClose() throws Exception {
        Lakehouse lh = Lakehouse.open(dir);
        MarketTables tables = trickled(lh, 4);
        StorageGuard storage = StorageGuard.open(dir, 0, Duration.ofSeconds(1), InstantSource.system());
        try (MarketCompaction c = MarketCompaction.start(lh, storage, Duration.ofMillis(20), MarketCompaction.DEFAULT_TARGET_BYTES)) {
            for (int m = 4; m < 30; m++) {
                tables.appendBars(List.of(bar("AAA", m), bar("BBB", m)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (files(lh, "AAA") > 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertEquals(1, files(lh, "AAA"), "compacted once the appends stopped");
        assertEquals(30, tables.readAllBars("AAA", Interval.ONE_MINUTE).size());
        assertTrue(lh.listVersions(MarketTables.OHLCV).stream().anyMatch(v -> v.operation().equals("OPTIMIZE")));
    }

    @Test
    void vacuumKeepsReplacedFilesWithinTheTablesRetention() {
        Lakehouse lh = Lakehouse.open(dir);
        trickled(lh, 3);
        MarketCompaction.runOnce(lh, MarketCompaction.DEFAULT_TARGET_BYTES, null);
        assertEquals(0, MarketCompaction.vacuum(lh), "the replaced files were removed just now, well within 7 days");
        long version = lh.read(MarketTables.OHLCV).version();
        assertEquals(6, lh.readVersion(MarketTables.OHLCV, version - 1).read().rowCount(), "time travel before the compaction still reads");
    }

    @Test
    void scheduledRunsAreSkippedWhileTheDataDirectoryIsReadOnlyAndResumeAfter() {
        Lakehouse lh = Lakehouse.open(dir);
        trickled(lh, 5);
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        StorageGuard storage = StorageGuard.open(dir, 0, Duration.ofMinutes(1), now::get);
        storage.recordFailure(new IOException("No space left on device")); // read-only until a probe finds space
        long before = lh.read(MarketTables.OHLCV).version();
        // A long period: the schedule itself never runs during the test; the runs are driven by hand.
        try (MarketCompaction c = MarketCompaction.start(lh, storage, Duration.ofDays(1), MarketCompaction.DEFAULT_TARGET_BYTES)) {
            assertEquals(MarketCompaction.Run.SKIPPED_LOGGED, c.runScheduled(), "the first skip logs why");
            assertEquals(MarketCompaction.Run.SKIPPED, c.runScheduled(), "later skips stay quiet");
            assertEquals(MarketCompaction.Run.SKIPPED, c.runScheduled());
            assertEquals(before, lh.read(MarketTables.OHLCV).version(), "nothing was written while read-only");
            assertEquals(5, files(lh, "AAA"));
            now.set(now.get().plus(Duration.ofMinutes(2))); // the next probe finds space and a probe write succeeds
            assertEquals(MarketCompaction.Run.RAN, c.runScheduled());
            assertEquals(1, files(lh, "AAA"));
            storage.recordFailure(new IOException("No space left on device"));
            assertEquals(MarketCompaction.Run.SKIPPED_LOGGED, c.runScheduled(), "a new read-only period is logged again");
        }
    }
}
