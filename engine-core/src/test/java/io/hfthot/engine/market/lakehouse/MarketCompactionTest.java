package io.hfthot.engine.market.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Predicate;
import java.nio.file.Path;
import java.time.Duration;
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
        try (MarketCompaction c = MarketCompaction.start(lh, Duration.ofMillis(20), MarketCompaction.DEFAULT_TARGET_BYTES)) {
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
}
