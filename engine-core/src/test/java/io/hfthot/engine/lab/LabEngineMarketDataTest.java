package io.hfthot.engine.lab;

import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.api.OhlcvRequest;
import io.hfthot.engine.lab.api.OhlcvResponse;
import io.hfthot.engine.lab.api.OrderBookResponse;
import io.hfthot.engine.lab.api.TickerResponse;
import io.hfthot.engine.market.lakehouse.MarketTables;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.lakehouse.Lakehouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabEngineMarketDataTest {
    @TempDir
    Path dir;

    private TestClock clock;
    private LabService engine;

    @BeforeEach
    void start() {
        clock = new TestClock(LabFixtures.START);
        engine = LabService.startInMemoryIdentity(LabConfig.forTests(dir, LabFixtures.SEED), clock, null);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void ohlcvDefaultsReturnTheLast500BarsOfTheLast1000AsStoredInTheLakehouse() {
        OhlcvResponse r = engine.ohlcv(LabFixtures.caller(Tier.PROFESSIONAL),
                new OhlcvRequest("BTC-USDT", "5m", null, null, null));
        assertEquals("BTC-USDT", r.symbol());
        assertEquals("5m", r.interval());
        assertEquals(LabMarket.SOURCE, r.source());
        assertEquals(500, r.bars().size());
        assertTrue(r.latencyMs() >= 0);
        long now = clock.millis();
        List<Bar> expected = engine.engine().marketHistory().market().bars("BTC-USDT", Interval.FIVE_MINUTES,
                now - 1000 * Interval.FIVE_MINUTES.millis(), now, 500);
        assertEquals(expected, r.bars());
        BarColumns stored = engine.engine().marketHistory().tables().readBars("BTC-USDT", Interval.FIVE_MINUTES,
                r.bars().get(0).time(), r.bars().get(499).time());
        assertEquals(stored.bars(), r.bars(), "bars are what market.ohlcv holds");
    }

    @Test
    void barsClosedSinceTheLastAppendComeFromTheLiveMarketAndAreAppendedByMaintenance() {
        long lastStored = engine.engine().marketHistory().cache().lastTime("ETH-USDT", Interval.ONE_MINUTE);
        clock.advance(Duration.ofMinutes(7));
        OhlcvResponse live = engine.ohlcv(LabFixtures.caller(Tier.FREE_BETA),
                new OhlcvRequest("ETH-USDT", "1m", null, null, 20));
        assertEquals(20, live.bars().size());
        assertEquals(lastStored + 7 * 60_000L, live.bars().get(19).time(), "seven more minutes closed");
        for (int i = 1; i < live.bars().size(); i++) {
            assertEquals(live.bars().get(i - 1).time() + 60_000L, live.bars().get(i).time(), "no gap at the seam");
        }
        engine.runMaintenance();
        assertEquals(lastStored + 7 * 60_000L, engine.engine().marketHistory().cache().lastTime("ETH-USDT", Interval.ONE_MINUTE));
        BarColumns stored = engine.engine().marketHistory().tables().readBars("ETH-USDT", Interval.ONE_MINUTE,
                live.bars().get(0).time(), live.bars().get(19).time());
        assertEquals(live.bars(), stored.bars());
    }

    @Test
    void fileSkippingReadsOnlyTheFilesOfTheRequestedPartitionAndRange() {
        clock.advance(Duration.ofMinutes(3));
        engine.runMaintenance();
        MarketTables tables = engine.engine().marketHistory().tables();
        long last = engine.engine().marketHistory().cache().lastTime("SOL-USDT", Interval.ONE_MINUTE);
        int all = engine.engine().lakehouse().read(MarketTables.OHLCV).dataFiles().size();
        int recent = tables.filesToRead("SOL-USDT", Interval.ONE_MINUTE, last - 60_000L, last);
        assertTrue(recent >= 1 && recent < all / 5, "recent 1m bars of one symbol touch " + recent + " of " + all);
    }

    @Test
    void historicalDepthOfTheTierBoundsAnExplicitStartAndRaisesTheDefaultOne() {
        long now = clock.millis();
        long sixtyDaysAgo = now - 60L * 86_400_000L;
        EngineException e = assertThrows(EngineException.class, () -> engine.ohlcv(LabFixtures.caller(Tier.FREE_BETA),
                new OhlcvRequest("BTC-USDT", "1d", sixtyDaysAgo, null, null)));
        assertEquals(ErrorCode.TIER_REQUIRED, e.code());
        assertEquals("start_time", e.parameter().orElseThrow());
        assertEquals(Tier.HOBBYIST, e.requiredTier().orElseThrow());
        EngineException old = assertThrows(EngineException.class, () -> engine.ohlcv(LabFixtures.caller(Tier.FREE_BETA),
                new OhlcvRequest("BTC-USDT", "1h", null, sixtyDaysAgo, null)));
        assertEquals(ErrorCode.TIER_REQUIRED, old.code());
        assertEquals("end_time", old.parameter().orElseThrow());
        OhlcvResponse hob = engine.ohlcv(LabFixtures.caller(Tier.HOBBYIST),
                new OhlcvRequest("BTC-USDT", "1d", sixtyDaysAgo, null, null));
        assertTrue(hob.bars().size() >= 59);
        OhlcvResponse free = engine.ohlcv(LabFixtures.caller(Tier.FREE_BETA),
                new OhlcvRequest("BTC-USDT", "1d", null, null, null));
        assertFalse(free.bars().isEmpty());
        assertTrue(free.bars().get(0).time() >= now - 30L * 86_400_000L, "default start raised to 30 days back");
    }

    @Test
    void anUnboundedTierTakesTheDefaultStartWithoutOverflow() {
        OhlcvResponse ent = engine.ohlcv(LabFixtures.caller(Tier.ENTERPRISE),
                new OhlcvRequest("BTC-USDT", "1d", null, null, null));
        OhlcvResponse pro = engine.ohlcv(LabFixtures.caller(Tier.PROFESSIONAL),
                new OhlcvRequest("BTC-USDT", "1d", null, null, null));
        assertFalse(ent.bars().isEmpty());
        assertTrue(ent.bars().size() >= pro.bars().size(), "Enterprise sees at least what Professional sees");
    }

    @Test
    void badParametersAreInvalidParamsNamingTheParameter() {
        var pro = LabFixtures.caller(Tier.PROFESSIONAL);
        assertInvalid("symbol", () -> engine.ohlcv(pro, new OhlcvRequest("DOGE-EUR", "1m", null, null, null)));
        assertInvalid("symbol", () -> engine.ohlcv(pro, new OhlcvRequest(null, "1m", null, null, null)));
        assertInvalid("interval", () -> engine.ohlcv(pro, new OhlcvRequest("BTC-USDT", "2m", null, null, null)));
        assertInvalid("interval", () -> engine.ohlcv(pro, new OhlcvRequest("BTC-USDT", null, null, null, null)));
        assertInvalid("limit", () -> engine.ohlcv(pro, new OhlcvRequest("BTC-USDT", "1m", null, null, 5001)));
        assertInvalid("limit", () -> engine.ohlcv(pro, new OhlcvRequest("BTC-USDT", "1m", null, null, 0)));
        long now = clock.millis();
        assertInvalid("end_time", () -> engine.ohlcv(pro, new OhlcvRequest("BTC-USDT", "1m", now, now - 1, null)));
        assertInvalid("start_time", () -> engine.ohlcv(pro, new OhlcvRequest("BTC-USDT", "1m", -5L, null, null)));
        assertInvalid("depth", () -> engine.orderBook("BTC-USDT", 101));
        assertInvalid("symbol", () -> engine.ticker("btc-usdt"));
    }

    @Test
    void tickerAndBookAgree() {
        TickerResponse t = engine.ticker("SOL-USDT");
        OrderBookResponse b = engine.orderBook("SOL-USDT", null);
        assertEquals(20, b.bids().size());
        assertEquals(20, b.asks().size());
        assertEquals(t.bid(), b.bids().get(0).price());
        assertEquals(t.ask(), b.asks().get(0).price());
    }

    @Test
    void aRestartReusesTheTablesAndServesTheSameStoredBars() {
        var pro = LabFixtures.caller(Tier.PROFESSIONAL);
        clock.advance(Duration.ofMinutes(2));
        OhlcvResponse before = engine.ohlcv(pro, new OhlcvRequest("BTC-USDT", "1h", null, null, 100));
        engine.close();
        long versions = Lakehouse.open(dir.resolve("lakehouse")).read(MarketTables.OHLCV).version();
        clock.advance(Duration.ofMinutes(30));
        engine = LabService.startInMemoryIdentity(LabConfig.forTests(dir, LabFixtures.SEED + 1), clock, null);
        long after = engine.engine().lakehouse().read(MarketTables.OHLCV).version();
        assertEquals(versions + 1, after, "one append commit for the restart, no re-import");
        OhlcvResponse again = engine.ohlcv(pro, new OhlcvRequest("BTC-USDT", "1h",
                before.bars().get(0).time(), before.bars().get(99).time(), 100));
        assertEquals(before.bars(), again.bars());
    }

    private static void assertInvalid(String parameter, Runnable call) {
        EngineException e = assertThrows(EngineException.class, call::run);
        assertEquals(ErrorCode.INVALID_PARAMS, e.code());
        assertEquals(parameter, e.parameter().orElseThrow(), e.getMessage());
    }
}
