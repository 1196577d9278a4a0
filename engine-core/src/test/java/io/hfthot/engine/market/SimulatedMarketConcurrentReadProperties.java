package io.hfthot.engine.market;

import io.hfthot.engine.testkit.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link SimulatedMarket#bars} reads without the market's lock until the clock passes the end of the
 * simulated minute: the answer must still be exactly what advancing first would give, and readers racing a
 * writer must always see a consistent series.
 */
class SimulatedMarketConcurrentReadProperties {
    private static SimulatedMarket market(long seed, TestClock clock) {
        return new SimulatedMarket(SimulatedMarketConfig.defaults(seed).withHistory(HistoryPlan.small()), clock);
    }

    @Property(tries = 6)
    void barsEqualWhatAdvancingFirstGivesAtEveryClockStep(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed,
            @ForAll @LongRange(min = 1_500_000_000_000L, max = 1_900_000_000_000L) long start) {
        TestClock clock = new TestClock(start);
        SimulatedMarket market = market(seed, clock);
        SplittableRandom steps = new SplittableRandom(seed);
        for (int step = 0; step < 60; step++) {
            // Small steps stay inside a minute (the lock-free path); some cross one or more boundaries.
            clock.advance(steps.nextInt(4) == 0 ? steps.nextLong(30_000, 200_000) : steps.nextLong(1, 5_000));
            for (Interval interval : Interval.values()) {
                List<Bar> read = market.bars("BTC-USDT", interval, Long.MIN_VALUE, clock.millis(), 50);
                // barColumns always advances under the lock before reading.
                List<Bar> advanced = market.barColumns("BTC-USDT", interval, Long.MIN_VALUE, clock.millis()).bars();
                List<Bar> expected = advanced.subList(Math.max(0, advanced.size() - 50), advanced.size());
                assertEquals(expected, read, interval + " at step " + step);
            }
        }
    }

    @Property(tries = 3)
    void readersRacingTheWriterAlwaysSeeAConsistentSeries(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) throws Exception {
        long start = 1_800_000_000_000L;
        TestClock clock = new TestClock(start);
        SimulatedMarket market = market(seed, clock);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (!done.get()) {
                        for (Interval interval : Interval.values()) {
                            List<Bar> bars = market.bars("ETH-USDT", interval, Long.MIN_VALUE, Long.MAX_VALUE, 500);
                            for (int i = 1; i < bars.size(); i++) {
                                assertEquals(interval.millis(), bars.get(i).time() - bars.get(i - 1).time(),
                                        "consecutive " + interval + " bars");
                            }
                            reads++;
                        }
                    }
                    return reads;
                }));
            }
            for (int minute = 0; minute < 300; minute++) { // the writer: five simulated hours, one minute at a time
                clock.advance(60_000);
                market.advance();
            }
            done.set(true);
            for (Future<Integer> reader : readers) {
                assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
