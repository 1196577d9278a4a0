package io.hfthot.engine.market.lakehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.lakehouse.Lakehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketTablesTest {
    private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    @TempDir
    Path dir;

    private static BarColumns bars(String symbol, int fromMinute, int n, double close) {
        long[] t = new long[n];
        double[] px = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + 60_000L * (fromMinute + i);
            px[i] = 100 + fromMinute + i;
            c[i] = close;
        }
        return new BarColumns(symbol, Interval.ONE_MINUTE, t, px, px, px, c, px);
    }

    @Test
    void reAppendingStoredBarsReplacesThemInsteadOfDuplicating() {
        MarketTables tables = new MarketTables(Lakehouse.open(dir));
        tables.createMissing();
        tables.appendBars(List.of(bars("XYZ", 0, 10, 1.0)));
        tables.appendBars(List.of(bars("XYZ", 5, 10, 2.0), bars("XYZ", 0, 1, 3.0)));
        BarColumns stored = tables.readAllBars("XYZ", Interval.ONE_MINUTE);
        assertEquals(15, stored.size(), "minutes 0..14, each once");
        double[] expected = new double[15];
        for (int i = 0; i < 15; i++) {
            expected[i] = i == 0 ? 3.0 : i < 5 ? 1.0 : 2.0;
        }
        assertArrayEquals(expected, stored.close(), 0.0);
    }

    @Test
    void aBarTableCreatedAppendOnlyByAnEarlierReleaseIsLiftedAtStart() {
        Lakehouse lh = Lakehouse.open(dir);
        lh.createTable(MarketTables.OHLCV, MarketTables.OHLCV_SCHEMA, List.of("symbol", "interval"), Map.of("delta.appendOnly", "true"));
        MarketTables tables = new MarketTables(lh);
        tables.appendBars(List.of(bars("XYZ", 0, 3, 1.0)));
        tables.createMissing();
        assertEquals("false", lh.read(MarketTables.OHLCV).properties().get("delta.appendOnly"));
        long version = lh.read(MarketTables.OHLCV).version();
        tables.createMissing();
        assertEquals(version, lh.read(MarketTables.OHLCV).version(), "lifting happens once");
        tables.appendBars(List.of(bars("XYZ", 0, 3, 9.0)));
        assertEquals(3, tables.readAllBars("XYZ", Interval.ONE_MINUTE).size());
    }
}
