package io.hfthot.engine.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of {@link OhlcvAggregator} on seeded random trade streams. */
class OhlcvAggregatorProperties {
    private record Trade(long ts, double price, double qty) {
    }

    /** A random walk of trades with random gaps (up to several minutes), starting at a random time. */
    private static List<Trade> trades(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Trade> trades = new ArrayList<>();
        long ts = 1_700_000_000_000L + random.nextLong(86_400_000L);
        double price = 100;
        for (int i = 0; i < count; i++) {
            ts += random.nextDouble() < 0.02 ? random.nextLong(400_000) : random.nextLong(3_000);
            price = Math.max(0.01, price * Math.exp(0.002 * random.nextGaussian()));
            trades.add(new Trade(ts, Math.round(price * 100) / 100.0, Math.round(random.nextDouble(0.01, 5) * 1000) / 1000.0));
        }
        return trades;
    }

    private static List<Bar> aggregateTrades(List<Trade> trades, Interval interval) {
        List<Bar> bars = new ArrayList<>();
        OhlcvAggregator aggregator = new OhlcvAggregator(interval, 3, (t, o, h, l, c, v) -> bars.add(new Bar(t, o, h, l, c, v)));
        for (Trade trade : trades) {
            aggregator.addTrade(trade.ts(), trade.price(), trade.qty());
        }
        aggregator.closeThrough(trades.get(trades.size() - 1).ts() + interval.millis());
        return bars;
    }

    @Property(tries = 60)
    void barsFromTradesAreGaplessAlignedAndHoldTheirTrades(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                           @ForAll @IntRange(min = 1, max = 2000) int count) {
        List<Trade> trades = trades(seed, count);
        for (Interval interval : Interval.values()) {
            List<Bar> bars = aggregateTrades(trades, interval);
            assertEquals(interval.bucketStart(trades.get(0).ts()), bars.get(0).time());
            assertEquals(interval.bucketStart(trades.get(trades.size() - 1).ts()), bars.get(bars.size() - 1).time());
            double volume = 0;
            for (int i = 0; i < bars.size(); i++) {
                Bar bar = bars.get(i);
                assertEquals(0, Math.floorMod(bar.time(), interval.millis()));
                if (i > 0) {
                    assertEquals(bars.get(i - 1).time() + interval.millis(), bar.time(), "no gaps");
                }
                assertTrue(bar.low() <= Math.min(bar.open(), bar.close()) && bar.high() >= Math.max(bar.open(), bar.close()));
                volume += bar.volume();
            }
            double traded = trades.stream().mapToDouble(Trade::qty).sum();
            assertEquals(traded, volume, 1e-6 * Math.max(1, traded));
            assertEquals(trades.get(0).price(), bars.get(0).open());
            for (int i = 1; i < bars.size(); i++) {
                assertEquals(bars.get(i - 1).close(), bars.get(i).open(), "continuous bars");
            }
            assertEquals(trades.get(trades.size() - 1).price(), bars.get(bars.size() - 1).close());
        }
    }

    @Property(tries = 60)
    void aggregatingFinerBarsEqualsAggregatingTheTradesDirectly(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                @ForAll @IntRange(min = 1, max = 2000) int count) {
        List<Trade> trades = trades(seed, count);
        for (Interval coarse : new Interval[] {Interval.FIVE_MINUTES, Interval.FIFTEEN_MINUTES, Interval.ONE_HOUR, Interval.ONE_DAY}) {
            List<Bar> direct = aggregateTrades(trades, coarse);
            List<Bar> viaFiner = OhlcvAggregator.aggregate(aggregateTrades(trades, coarse.finer()), coarse);
            assertEquals(direct.size(), viaFiner.size(), coarse.label());
            for (int i = 0; i < direct.size(); i++) {
                MarketDataSourceContract.assertBarEquals(direct.get(i), viaFiner.get(i));
            }
        }
    }

    @Property(tries = 40)
    void streamingAndBatchAggregationAgree(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        List<Bar> minutes = aggregateTrades(trades(seed, 1500), Interval.ONE_MINUTE);
        List<Bar> streamed = new ArrayList<>();
        OhlcvAggregator aggregator = new OhlcvAggregator(Interval.FIFTEEN_MINUTES, -1,
                (t, o, h, l, c, v) -> streamed.add(new Bar(t, o, h, l, c, v)));
        for (Bar bar : minutes) {
            aggregator.addBar(bar.time(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
        }
        aggregator.closeThrough(minutes.get(minutes.size() - 1).time() + Interval.FIFTEEN_MINUTES.millis());
        List<Bar> batch = OhlcvAggregator.aggregate(minutes, Interval.FIFTEEN_MINUTES);
        assertEquals(batch.size(), streamed.size());
        for (int i = 0; i < batch.size(); i++) {
            MarketDataSourceContract.assertBarEquals(batch.get(i), streamed.get(i));
        }
    }
}
