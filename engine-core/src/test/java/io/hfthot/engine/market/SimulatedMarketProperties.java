package io.hfthot.engine.market;

import io.hfthot.engine.testkit.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants of {@link SimulatedMarket} for arbitrary seeds, start times and clock schedules. One try
 * builds a whole market (tens of milliseconds with the small plan), so tries are few.
 */
class SimulatedMarketProperties {
    private static SimulatedMarket market(long seed, long start, TestClock clock) {
        return new SimulatedMarket(SimulatedMarketConfig.defaults(seed).withHistory(HistoryPlan.small()), clock);
    }

    @Property(tries = 8)
    void everyBarOfEveryIntervalSatisfiesOhlcvInvariantsAndAggregatesItsFinerBars(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed,
            @ForAll @LongRange(min = 1_500_000_000_000L, max = 1_900_000_000_000L) long start) {
        TestClock clock = new TestClock(start);
        SimulatedMarket market = market(seed, start, clock);
        clock.advance(new SplittableRandom(seed).nextLong(1, 20 * 60_000));
        for (String symbol : market.symbols()) {
            for (Interval interval : Interval.values()) {
                BarColumns columns = market.barColumns(symbol, interval, Long.MIN_VALUE, Long.MAX_VALUE);
                for (int i = 0; i < columns.size(); i++) {
                    Bar bar = columns.bar(i); // the record re-checks low <= open, close <= high and volume >= 0
                    assertEquals(0, Math.floorMod(bar.time(), interval.millis()));
                    assertTrue(bar.time() + interval.millis() <= clock.millis());
                }
                if (interval.finer() != null) {
                    // Wherever the finer interval exists, each bar is the aggregate of the finer bars in it.
                    List<Bar> finer = market.barColumns(symbol, interval.finer(), Long.MIN_VALUE, Long.MAX_VALUE).bars();
                    List<Bar> expected = OhlcvAggregator.aggregate(finer, interval);
                    int offset = (int) ((expected.get(0).time() - columns.time()[0]) / interval.millis());
                    assertTrue(offset >= 0);
                    assertTrue(columns.size() - offset >= expected.size() - 1, "every complete bucket is a bar");
                    for (int i = offset; i < columns.size(); i++) {
                        MarketDataSourceContract.assertBarEquals(expected.get(i - offset), columns.bar(i));
                    }
                }
            }
        }
    }

    @Property(tries = 8)
    void booksAreSortedAndAgreeWithTheTicker(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                             @ForAll @IntRange(min = 1, max = 100) int depth,
                                             @ForAll @IntRange(min = 0, max = 600_000) int wait) {
        TestClock clock = new TestClock(1_706_784_000_000L);
        SimulatedMarket market = market(seed, clock.millis(), clock);
        clock.advance(wait);
        for (String symbol : market.symbols()) {
            OrderBook book = market.orderBook(symbol, depth);
            Ticker ticker = market.ticker(symbol);
            assertEquals(depth, book.bids().size());
            assertEquals(depth, book.asks().size());
            assertEquals(ticker.bid(), book.bids().get(0).price());
            assertEquals(ticker.ask(), book.asks().get(0).price());
            assertTrue(ticker.bid() <= ticker.last() && ticker.last() <= ticker.ask());
            double previous = Double.MAX_VALUE;
            for (BookLevel level : book.bids()) {
                assertTrue(level.price() < previous);
                previous = level.price();
            }
            previous = 0;
            for (BookLevel level : book.asks()) {
                assertTrue(level.price() > previous);
                previous = level.price();
            }
            assertEquals(book, market.orderBook(symbol, depth), "a book is a function of the state");
        }
    }

    @Property(tries = 8)
    void ticksAreGaplessWhateverThePullSchedule(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                @ForAll @IntRange(min = 1, max = 500) int batch) {
        TestClock clock = new TestClock(1_706_784_000_000L);
        SimulatedMarket market = market(seed, clock.millis(), clock);
        SplittableRandom schedule = new SplittableRandom(seed);
        long after = 0;
        long lastTs = Long.MIN_VALUE;
        for (int pull = 0; pull < 300; pull++) {
            clock.advance(schedule.nextLong(0, 2_000));
            List<Tick> ticks = market.ticksSince("SOL-USDT", after, batch);
            for (Tick tick : ticks) {
                assertEquals(after + 1, tick.sequence());
                assertTrue(tick.tsMs() >= lastTs && tick.tsMs() <= clock.millis());
                after = tick.sequence();
                lastTs = tick.tsMs();
            }
        }
        assertTrue(after > 0);
    }
}
