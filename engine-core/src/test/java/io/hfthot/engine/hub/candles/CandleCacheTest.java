package io.hfthot.engine.hub.candles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CandleCacheTest {
    private final long[] now = {Instant.parse("2026-12-07T00:00:00Z").toEpochMilli()};
    private final InstantSource clock = () -> Instant.ofEpochMilli(now[0]);
    private final AtomicInteger calls = new AtomicInteger();
    private final CandleProvider provider = new CandleProvider() {
        @Override
        public List<String> symbols() {
            return List.of("BTC-USDT", "ETH-USDT", "SOL-USDT");
        }

        @Override
        public List<Bar> candles(String symbol, Interval interval, int limit) {
            calls.incrementAndGet();
            return List.of(new Bar(interval.bucketStart(now[0]), 1, 2, 0.5, 1.5, 10));
        }
    };
    private final CandleCache cache = new CandleCache(provider, clock, Duration.ofSeconds(10));

    @Test
    void freshWithinSixtySecondsThenRefetched() {
        assertFalse(cache.get("BTC/USDT", "1h").stale());
        now[0] += 59_000;
        assertEquals(Duration.ofSeconds(59), cache.get("BTC/USDT", "1h").age());
        assertEquals(1, calls.get());
        now[0] += 1_000;
        assertFalse(cache.get("BTC/USDT", "1h").stale());
        assertEquals(2, calls.get());
    }

    @Test
    void overBudgetServesStaleOrRefuses() {
        String[] tfs = {"1m", "5m", "15m", "1h", "1d"};
        for (String tf : tfs) {
            cache.get("BTC/USDT", tf);
        }
        cache.get("ETH/USDT", "1m");
        cache.get("ETH/USDT", "5m");
        cache.get("ETH/USDT", "15m");
        assertEquals(8, calls.get());
        EngineException e = assertThrows(EngineException.class, () -> cache.get("SOL/USDT", "1h"));
        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertEquals(60, cache.retryAfterSeconds());
        now[0] += 61_000;
        for (String tf : tfs) {
            cache.get("BTC/USDT", tf);
        }
        cache.get("ETH/USDT", "1m");
        cache.get("ETH/USDT", "5m");
        cache.get("ETH/USDT", "15m");
        CandleResult stale = cache.get("BTC/USDT", "1h");
        assertFalse(stale.stale(), "refetched in the new window");
        assertEquals(16, calls.get());
    }

    @Test
    void badInputSpendsNoBudget() {
        assertEquals("symbol", assertThrows(EngineException.class, () -> cache.get("DOGE/USDT", "1h")).parameter()
                .orElseThrow());
        assertEquals("timeframe", assertThrows(EngineException.class, () -> cache.get("BTC/USDT", "2h")).parameter()
                .orElseThrow());
        assertEquals(0, calls.get());
    }

    @Test
    void schedulerRefreshesHottestFirstAndKeepsAReserve() {
        for (int i = 0; i < 5; i++) {
            cache.get("ETH/USDT", "1h");
        }
        cache.get("BTC/USDT", "1h");
        assertEquals(2, calls.get());
        now[0] += 61_000;
        // Budget 8, reserve 2: both due entries fit; ETH (5 requests) is refreshed before BTC (1).
        assertEquals(2, cache.refreshHottest());
        assertFalse(cache.get("ETH/USDT", "1h").stale());
        assertTrue(cache.get("BTC/USDT", "1h").age().isZero());
        assertEquals(4, calls.get());
    }
}
