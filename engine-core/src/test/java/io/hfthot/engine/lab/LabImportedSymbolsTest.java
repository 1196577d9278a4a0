package io.hfthot.engine.lab;

import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.api.BacktestRequest;
import io.hfthot.engine.lab.api.BacktestResponse;
import io.hfthot.engine.lab.api.MarketSymbol;
import io.hfthot.engine.lab.api.OhlcvRequest;
import io.hfthot.engine.lab.api.OptimizeRequest;
import io.hfthot.engine.lab.api.OptimizeResponse;
import io.hfthot.engine.lab.api.RegimeResponse;
import io.hfthot.engine.market.lakehouse.MarketTables;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.market.OhlcvAggregator;
import io.hfthot.lakehouse.Lakehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbols found only in {@code market.ohlcv} (imported) are served like simulated ones. */
class LabImportedSymbolsTest {
    private static final long HOUR = 3_600_000L;
    private static final int DAYS = 120;
    private static final Principal CALLER = LabFixtures.caller(Tier.ENTERPRISE);

    @TempDir
    Path dir;

    private LabService engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    /** {@value #DAYS} days of hourly bars ending before the test start, as a seeded random walk. */
    private static BarColumns hourly(String symbol, long seed) {
        long end = Interval.ONE_DAY.bucketStart(LabFixtures.START.toEpochMilli());
        int n = DAYS * 24;
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        double px = 100;
        for (int i = 0; i < n; i++) {
            t[i] = end - (long) (n - i) * HOUR;
            o[i] = px;
            px *= Math.exp(0.01 * (rnd.nextDouble() - 0.5));
            c[i] = px;
            h[i] = Math.max(o[i], c[i]) * 1.001;
            l[i] = Math.min(o[i], c[i]) * 0.999;
            v[i] = 10 + i % 7;
        }
        return new BarColumns(symbol, Interval.ONE_HOUR, t, o, h, l, c, v);
    }

    private void importThenStart() {
        MarketTables tables = new MarketTables(Lakehouse.open(dir.resolve("lakehouse")));
        tables.createMissing();
        tables.appendBars(List.of(hourly("XYZ-USD", 1), hourly("ABC-USD", 2)));
        engine = LabService.startInMemoryIdentity(LabConfig.forTests(dir, LabFixtures.SEED), new TestClock(LabFixtures.START), null);
    }

    @Test
    void ohlcvServesStoredAndAggregatedBarsOfAnImportedSymbol() {
        importThenStart();
        List<Bar> stored = hourly("XYZ-USD", 1).bars();
        long from = stored.get(0).time();
        long to = stored.get(stored.size() - 1).time();
        List<Bar> hours = engine.ohlcv(CALLER, new OhlcvRequest("XYZ-USD", "1h", from, to, 5000)).bars();
        assertEquals(stored.subList(stored.size() - 2880, stored.size()), hours);

        List<Bar> days = engine.ohlcv(CALLER, new OhlcvRequest("XYZ-USD", "1d", from, to, 5000)).bars();
        assertEquals(OhlcvAggregator.aggregate(stored, Interval.ONE_DAY), days, "daily bars are the hourly ones aggregated");
        assertEquals(DAYS, days.size());
        assertTrue(engine.ohlcv(CALLER, new OhlcvRequest("XYZ-USD", "1m", from, to, 5000)).bars().isEmpty(),
                "no finer bars than stored are invented");
    }

    @Test
    void regimePortfolioAndBacktestAcceptImportedSymbols() {
        importThenStart();
        RegimeResponse regime = engine.regime("XYZ-USD", null);
        assertEquals("XYZ-USD", regime.symbol());
        assertEquals(1.0, regime.stateProbs().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);

        OptimizeResponse weights = engine.optimize(CALLER, new OptimizeRequest("risk_parity", List.of("XYZ-USD", "ABC-USD"),
                60, null, null, null, null));
        assertEquals(List.of("XYZ-USD", "ABC-USD"), new ArrayList<>(weights.weights().keySet()));
        assertEquals(1.0, weights.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-8);

        long start = Interval.ONE_DAY.bucketStart(LabFixtures.START.toEpochMilli()) - 60L * 24 * HOUR;
        BacktestResponse bt = engine.backtest(CALLER, new BacktestRequest("risk_parity", List.of("XYZ-USD", "ABC-USD"),
                start, null, 30, 7, null, null, null));
        assertFalse(bt.equityCurve().isEmpty());
    }

    @Test
    void quotesNeedTheLiveMarketAndUnknownSymbolsListTheImportedOnes() {
        importThenStart();
        EngineException ticker = assertThrows(EngineException.class, () -> engine.ticker("XYZ-USD"));
        assertEquals(ErrorCode.INVALID_PARAMS, ticker.code());
        assertTrue(ticker.getMessage().contains("imported bars only"), ticker.getMessage());
        assertThrows(EngineException.class, () -> engine.orderBook("XYZ-USD", null));
        EngineException unknown = assertThrows(EngineException.class, () -> engine.regime("NOPE", null));
        assertTrue(unknown.getMessage().contains("XYZ-USD") && unknown.getMessage().contains("BTC-USDT"), unknown.getMessage());
    }

    @Test
    void symbolsListsImportedSeriesWithTheirRangesAndASymbolImportedWhileRunningAppears() throws Exception {
        importThenStart();
        List<MarketSymbol> symbols = engine.marketSymbols().symbols();
        MarketSymbol xyz = symbols.stream().filter(s -> s.symbol().equals("XYZ-USD")).findFirst().orElseThrow();
        assertEquals("imported", xyz.source());
        assertEquals(1, xyz.intervals().size());
        BarColumns stored = hourly("XYZ-USD", 1);
        assertEquals("1h", xyz.intervals().get(0).interval());
        assertEquals(stored.time()[0], xyz.intervals().get(0).firstTime());
        assertEquals(stored.time()[stored.size() - 1], xyz.intervals().get(0).lastTime());
        assertEquals(stored.size(), xyz.intervals().get(0).bars());
        assertEquals("simulated", symbols.get(0).source());
        assertFalse(symbols.get(0).intervals().isEmpty(), "the simulator's stored history is listed too");

        new MarketTables(engine.engine().lakehouse()).appendBars(List.of(hourly("NEW-USD", 3)));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (engine.marketSymbols().symbols().stream().noneMatch(s -> s.symbol().equals("NEW-USD")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(engine.marketSymbols().symbols().stream().anyMatch(s -> s.symbol().equals("NEW-USD")));
        assertEquals(24, engine.ohlcv(CALLER, new OhlcvRequest("NEW-USD", "1h", stored.time()[0], stored.time()[23], 24)).bars().size());
    }
}
