package io.hfthot.engine.market;

import io.hfthot.engine.testkit.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SimulatedMarket} against the SPI contract, plus its own guarantees. */
class SimulatedMarketTest extends MarketDataSourceContract {
    private static final long DAY = 86_400_000L;

    @Override
    protected MarketDataSource createSource(TestClock clock) {
        return new SimulatedMarket(SimulatedMarketConfig.defaults(7).withHistory(HistoryPlan.small()), clock);
    }

    private SimulatedMarket market() {
        return (SimulatedMarket) source;
    }

    @Test
    void servesTheDefaultCryptoPairsFirstThenOneInstrumentPerOtherAssetClass() {
        assertEquals(List.of("BTC-USDT", "ETH-USDT", "SOL-USDT", "EUR-USD", "SPX500-USD", "XAU-USD"), source.symbols());
    }

    @Test
    void theCryptoPairsPathsDoNotDependOnTheInstrumentsAddedAfterThem() {
        SimulatedMarketConfig all = SimulatedMarketConfig.defaults(7).withHistory(HistoryPlan.small());
        SimulatedMarketConfig cryptoOnly = new SimulatedMarketConfig(7, all.symbols().subList(0, 3), all.ticksPerSecond(),
                all.history(), all.tickRetention());
        SimulatedMarket three = new SimulatedMarket(cryptoOnly, clock);
        long now = clock.millis();
        for (String symbol : three.symbols()) {
            for (Interval interval : Interval.values()) {
                assertEquals(three.bars(symbol, interval, Long.MIN_VALUE, now, 500),
                        source.bars(symbol, interval, Long.MIN_VALUE, now, 500), symbol + " " + interval);
            }
            assertEquals(three.ticker(symbol), source.ticker(symbol), symbol);
        }
    }

    @Test
    void sameSeedAndClockGiveTheSameMarketWhateverTheQueryPattern() {
        TestClock busyClock = new TestClock(clock.millis());
        TestClock quietClock = new TestClock(clock.millis());
        SimulatedMarketConfig config = SimulatedMarketConfig.defaults(11).withHistory(HistoryPlan.small());
        SimulatedMarket busy = new SimulatedMarket(config, busyClock);
        SimulatedMarket quiet = new SimulatedMarket(config, quietClock);
        for (int i = 0; i < 200; i++) {
            busyClock.advance(613);
            busy.ticker("ETH-USDT"); // advances the simulation at every step
        }
        quietClock.advance(200 * 613);
        for (String symbol : config.symbols().stream().map(SymbolSpec::symbol).toList()) {
            assertEquals(busy.ticksSince(symbol, 0, 100_000), quiet.ticksSince(symbol, 0, 100_000), symbol);
            assertEquals(busy.ticker(symbol), quiet.ticker(symbol));
            assertEquals(busy.orderBook(symbol, 100), quiet.orderBook(symbol, 100));
            for (Interval interval : Interval.values()) {
                assertEquals(busy.bars(symbol, interval, 0, Long.MAX_VALUE, 5000),
                        quiet.bars(symbol, interval, 0, Long.MAX_VALUE, 5000), symbol + " " + interval);
            }
        }
    }

    @Test
    void anotherSeedGivesAnotherMarket() {
        SimulatedMarket other = new SimulatedMarket(SimulatedMarketConfig.defaults(8).withHistory(HistoryPlan.small()),
                new TestClock(clock.millis()));
        assertNotEquals(other.ticksSince("BTC-USDT", 0, 1000), source.ticksSince("BTC-USDT", 0, 1000));
        assertNotEquals(other.bars("BTC-USDT", Interval.ONE_HOUR, 0, Long.MAX_VALUE, 100),
                source.bars("BTC-USDT", Interval.ONE_HOUR, 0, Long.MAX_VALUE, 100));
    }

    @Test
    void historyDepthFollowsThePlan() {
        HistoryPlan plan = HistoryPlan.small();
        long today = Interval.ONE_DAY.bucketStart(clock.millis());
        String symbol = "SOL-USDT";
        assertEquals(today - plan.oneMinuteDays() * DAY, market().oldestBarTime(symbol, Interval.ONE_MINUTE));
        assertEquals(today - plan.fiveMinuteDays() * DAY, market().oldestBarTime(symbol, Interval.FIVE_MINUTES));
        assertEquals(today - plan.fiveMinuteDays() * DAY, market().oldestBarTime(symbol, Interval.FIFTEEN_MINUTES));
        assertEquals(today - plan.oneHourDays() * DAY, market().oldestBarTime(symbol, Interval.ONE_HOUR));
        assertEquals(today - plan.oneDayDays() * DAY, market().oldestBarTime(symbol, Interval.ONE_DAY));
    }

    @Test
    void barSeriesHaveNoGapsFromTheirOldestBarToNow() {
        long now = clock.millis();
        for (Interval interval : Interval.values()) {
            BarColumns columns = market().barColumns("BTC-USDT", interval, Long.MIN_VALUE, Long.MAX_VALUE);
            long[] time = columns.time();
            for (int i = 1; i < time.length; i++) {
                assertEquals(time[i - 1] + interval.millis(), time[i], interval.label());
            }
            assertEquals(interval.bucketStart(now), time[time.length - 1] + interval.millis(), interval.label());
        }
    }

    @Test
    void priceIsAnchoredToTheReferenceAtTheStartOfTheTicks() {
        for (SymbolSpec spec : market().config().symbols()) {
            Tick first = source.ticksSince(spec.symbol(), 0, 1).get(0);
            assertEquals(1, first.sequence());
            assertTrue(first.tsMs() >= market().tickStartMs());
            assertEquals(spec.referencePrice(), first.price(), spec.referencePrice() * 0.002, spec.symbol());
        }
    }

    @Test
    void lastTradeLiesBetweenBidAndAsk() {
        for (int step = 0; step < 200; step++) {
            clock.advance(41);
            for (String symbol : source.symbols()) {
                Ticker ticker = source.ticker(symbol);
                assertTrue(ticker.bid() <= ticker.last() && ticker.last() <= ticker.ask(), ticker.toString());
            }
        }
    }

    @Test
    void tickRateFollowsTheConfiguration() {
        SimulatedMarket fast = new SimulatedMarket(SimulatedMarketConfig.defaults(3).withHistory(HistoryPlan.small())
                .withTicksPerSecond(100), clock);
        long before = fast.lastSequence("ETH-USDT");
        clock.advance(60_000);
        long count = fast.lastSequence("ETH-USDT") - before;
        // Poisson(6000): five standard deviations is about 390.
        assertEquals(6000, count, 390);
    }

    @Test
    void minuteBarsFromTicksAggregateTheTicks() {
        clock.advance(5 * 60_000);
        String symbol = "ETH-USDT";
        List<Tick> ticks = source.ticksSince(symbol, 0, 100_000);
        long minute = Interval.ONE_MINUTE.bucketStart(clock.millis()) - 2 * 60_000;
        List<Tick> inMinute = ticks.stream().filter(t -> Interval.ONE_MINUTE.bucketStart(t.tsMs()) == minute).toList();
        Bar previous = source.bars(symbol, Interval.ONE_MINUTE, minute - 60_000, minute - 60_000, 1).get(0);
        Bar bar = source.bars(symbol, Interval.ONE_MINUTE, minute, minute, 1).get(0);
        assertEquals(previous.close(), bar.open(), "bars open at the previous close");
        assertEquals(inMinute.get(inMinute.size() - 1).price(), bar.close());
        assertEquals(Math.max(bar.open(), inMinute.stream().mapToDouble(Tick::price).max().orElseThrow()), bar.high());
        assertEquals(Math.min(bar.open(), inMinute.stream().mapToDouble(Tick::price).min().orElseThrow()), bar.low());
        assertEquals(inMinute.stream().mapToDouble(Tick::qty).sum(), bar.volume(), 1e-9);
    }

    @Test
    void aConsumerThatFallsBehindTheRetentionWindowSeesTheGap() {
        SimulatedMarketConfig base = SimulatedMarketConfig.defaults(5).withHistory(HistoryPlan.small());
        SimulatedMarket small = new SimulatedMarket(new SimulatedMarketConfig(5, base.symbols(), 50, base.history(), 1024),
                clock);
        long last = small.lastSequence("BTC-USDT");
        assertTrue(last > 1024);
        List<Tick> ticks = small.ticksSince("BTC-USDT", 0, 10);
        assertEquals(last - 1023, ticks.get(0).sequence());
    }

    @Test
    void pullsAfterTheLatestTickAreEmpty() {
        long last = source.lastSequence("ETH-USDT");
        assertTrue(source.ticksSince("ETH-USDT", last, 10).isEmpty());
        assertTrue(source.ticksSince("ETH-USDT", Long.MAX_VALUE, 10).isEmpty());
        assertEquals(0, market().tickColumns("ETH-USDT", last + 5, 10).size());
        assertEquals(1, source.ticksSince("ETH-USDT", Long.MIN_VALUE, 1).size());
    }

    @Test
    void aClockGoingBackwardsChangesNothing() {
        long sequence = source.lastSequence("BTC-USDT");
        Ticker ticker = source.ticker("BTC-USDT");
        clock.advance(-60_000);
        assertEquals(sequence, source.lastSequence("BTC-USDT"));
        assertEquals(ticker, source.ticker("BTC-USDT"));
    }

    @Test
    void returnsAreCorrelatedAcrossAssets() {
        double[] btc = hourlyReturns("BTC-USDT");
        double[] eth = hourlyReturns("ETH-USDT");
        double[] sol = hourlyReturns("SOL-USDT");
        double btcEth = correlation(btc, eth);
        double btcSol = correlation(btc, sol);
        assertTrue(btcEth > 0.3 && btcEth < 0.95, "BTC/ETH correlation " + btcEth);
        assertTrue(btcSol > 0.2 && btcSol < 0.95, "BTC/SOL correlation " + btcSol);
    }

    private double[] hourlyReturns(String symbol) {
        double[] close = market().barColumns(symbol, Interval.ONE_HOUR, Long.MIN_VALUE, Long.MAX_VALUE).close();
        double[] returns = new double[close.length - 1];
        for (int i = 1; i < close.length; i++) {
            returns[i - 1] = Math.log(close[i] / close[i - 1]);
        }
        return returns;
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
