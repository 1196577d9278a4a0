package io.hfthot.engine.market;

import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.EngineException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MarketDataSource} must have. An implementation's test extends this class
 * and supplies a source driven by a {@link TestClock} that already has at least a day of 1m bars and
 * produces ticks as the clock advances.
 */
abstract class MarketDataSourceContract {
    protected TestClock clock;
    protected MarketDataSource source;

    /** Creates the source under test, following the given clock. */
    protected abstract MarketDataSource createSource(TestClock clock);

    @BeforeEach
    void createSourceUnderTest() {
        clock = TestClock.at("2026-11-21T10:30:17.250Z");
        source = createSource(clock);
    }

    @AfterEach
    void closeSource() {
        source.close();
    }

    private String firstSymbol() {
        return source.symbols().get(0);
    }

    @Test
    void symbolsAreNonEmptyAndStable() {
        List<String> symbols = source.symbols();
        assertFalse(symbols.isEmpty());
        assertEquals(symbols, source.symbols());
        assertThrows(UnsupportedOperationException.class, () -> symbols.add("X"));
    }

    @Test
    void tickerIsTheTopOfTheBook() {
        for (String symbol : source.symbols()) {
            for (int step = 0; step < 20; step++) {
                Ticker ticker = source.ticker(symbol);
                OrderBook book = source.orderBook(symbol, 5);
                assertEquals(ticker.bid(), book.bids().get(0).price(), symbol);
                assertEquals(ticker.ask(), book.asks().get(0).price(), symbol);
                assertTrue(ticker.bid() < ticker.ask(), symbol);
                clock.advance(137);
            }
        }
    }

    @Test
    void bookHonoursDepthAndIsSorted() {
        for (int depth : new int[] {1, 20, 100}) {
            OrderBook book = source.orderBook(firstSymbol(), depth);
            assertTrue(book.bids().size() <= depth && book.asks().size() <= depth);
            assertEquals(depth, book.asks().size());
            for (int i = 1; i < book.bids().size(); i++) {
                assertTrue(book.bids().get(i).price() < book.bids().get(i - 1).price());
            }
            for (int i = 1; i < book.asks().size(); i++) {
                assertTrue(book.asks().get(i).price() > book.asks().get(i - 1).price());
            }
            assertTrue(book.bids().get(0).price() < book.asks().get(0).price());
        }
    }

    @Test
    void barsAreClosedAlignedOrderedAndWithinTheRange() {
        long now = clock.millis();
        for (Interval interval : Interval.values()) {
            long start = now - 300 * interval.millis();
            List<Bar> bars = source.bars(firstSymbol(), interval, start, now, 5000);
            assertFalse(bars.isEmpty(), interval.label());
            long previous = Long.MIN_VALUE;
            for (Bar bar : bars) {
                assertEquals(0, Math.floorMod(bar.time(), interval.millis()), "aligned " + interval);
                assertTrue(bar.time() > previous, "ordered " + interval);
                assertTrue(bar.time() >= start && bar.time() <= now, "in range " + interval);
                assertTrue(bar.time() + interval.millis() <= now, "closed " + interval);
                assertTrue(bar.low() <= Math.min(bar.open(), bar.close()));
                assertTrue(bar.high() >= Math.max(bar.open(), bar.close()));
                assertTrue(bar.volume() >= 0);
                previous = bar.time();
            }
        }
    }

    @Test
    void limitKeepsTheMostRecentBars() {
        long now = clock.millis();
        List<Bar> all = source.bars(firstSymbol(), Interval.ONE_MINUTE, now - 600_000, now, 5000);
        List<Bar> last3 = source.bars(firstSymbol(), Interval.ONE_MINUTE, now - 600_000, now, 3);
        assertEquals(3, last3.size());
        assertEquals(all.subList(all.size() - 3, all.size()), last3);
    }

    @Test
    void coarserBarsAggregateTheirFinerBars() {
        long now = clock.millis();
        long start = Interval.ONE_DAY.bucketStart(now) - Interval.ONE_DAY.millis();
        for (Interval coarse : new Interval[] {Interval.FIVE_MINUTES, Interval.FIFTEEN_MINUTES, Interval.ONE_HOUR}) {
            Interval finer = coarse.finer();
            List<Bar> fine = source.bars(firstSymbol(), finer, start, now, 5000);
            List<Bar> expected = OhlcvAggregator.aggregate(fine, coarse);
            List<Bar> actual = source.bars(firstSymbol(), coarse, start, now, 5000);
            // The last aggregated bucket may still be open at the coarse level.
            assertTrue(actual.size() >= expected.size() - 1 && actual.size() <= expected.size(), coarse.label());
            for (int i = 0; i < actual.size(); i++) {
                assertBarEquals(expected.get(i), actual.get(i));
            }
        }
    }

    static void assertBarEquals(Bar expected, Bar actual) {
        assertEquals(expected.time(), actual.time());
        assertEquals(expected.open(), actual.open(), "open at " + actual.time());
        assertEquals(expected.high(), actual.high(), "high at " + actual.time());
        assertEquals(expected.low(), actual.low(), "low at " + actual.time());
        assertEquals(expected.close(), actual.close(), "close at " + actual.time());
        assertEquals(expected.volume(), actual.volume(), 1e-9 * Math.max(1, expected.volume()), "volume at " + actual.time());
    }

    @Test
    void ticksArriveInOrderWithoutGapsAcrossPulls() {
        String symbol = firstSymbol();
        long after = source.lastSequence(symbol);
        List<Tick> received = new ArrayList<>();
        for (int step = 0; step < 50; step++) {
            clock.advance(97);
            List<Tick> batch = source.ticksSince(symbol, after, 7);
            received.addAll(batch);
            if (!batch.isEmpty()) {
                after = batch.get(batch.size() - 1).sequence();
            }
        }
        assertFalse(received.isEmpty());
        for (int i = 1; i < received.size(); i++) {
            assertEquals(received.get(i - 1).sequence() + 1, received.get(i).sequence());
            assertTrue(received.get(i).tsMs() >= received.get(i - 1).tsMs());
            assertTrue(received.get(i).tsMs() <= clock.millis());
        }
    }

    @Test
    void concurrentReadersSeeConsistentDataWhileTimeMoves() throws Exception {
        String symbol = firstSymbol();
        long startSequence = source.lastSequence(symbol);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    long after = startSequence;
                    for (int i = 0; i < 300; i++) {
                        Ticker ticker = source.ticker(symbol);
                        OrderBook book = source.orderBook(symbol, 10);
                        assertTrue(ticker.bid() < ticker.ask());
                        assertTrue(book.bids().get(0).price() < book.asks().get(0).price());
                        List<Bar> bars = source.bars(symbol, Interval.ONE_MINUTE, 0, Long.MAX_VALUE, 50);
                        for (int b = 1; b < bars.size(); b++) {
                            assertTrue(bars.get(b).time() > bars.get(b - 1).time());
                        }
                        for (Tick tick : source.ticksSince(symbol, after, 1000)) {
                            assertEquals(after + 1, tick.sequence());
                            after = tick.sequence();
                        }
                    }
                    return null;
                }));
            }
            Future<?> mover = pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    clock.advance(211);
                    Thread.yield();
                }
            });
            mover.get(60, TimeUnit.SECONDS);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownSymbolListsTheAcceptedOnes() {
        EngineException e = assertThrows(EngineException.class, () -> source.ticker("DOGE-EUR"));
        assertEquals("symbol", e.parameter().orElseThrow());
        assertTrue(e.getMessage().contains("DOGE-EUR"), e.getMessage());
        for (String symbol : source.symbols()) {
            assertTrue(e.getMessage().contains(symbol), e.getMessage());
        }
        assertThrows(EngineException.class, () -> source.orderBook("", 5));
        assertThrows(EngineException.class, () -> source.ticksSince(null, 0, 5));
    }

    @Test
    void outOfRangeParametersAreNamed() {
        String symbol = firstSymbol();
        long now = clock.millis();
        assertParameter("depth", () -> source.orderBook(symbol, 0));
        assertParameter("depth", () -> source.orderBook(symbol, 101));
        assertParameter("limit", () -> source.bars(symbol, Interval.ONE_MINUTE, now - 1000, now, 0));
        assertParameter("limit", () -> source.bars(symbol, Interval.ONE_MINUTE, now - 1000, now, 5001));
        assertParameter("end_time", () -> source.bars(symbol, Interval.ONE_MINUTE, now, now - 1, 10));
        assertParameter("max_ticks", () -> source.ticksSince(symbol, 0, 0));
        assertParameter("interval", () -> source.bars(symbol, null, now - 1000, now, 10));
    }

    private static void assertParameter(String parameter, Runnable call) {
        EngineException e = assertThrows(EngineException.class, call::run);
        assertEquals(parameter, e.parameter().orElseThrow());
        assertTrue(e.getMessage().startsWith(parameter + " "), e.getMessage());
    }
}
