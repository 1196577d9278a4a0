package io.hfthot.engine.hub.candles;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Seed 004's provider budget holds for any mix of requests and scheduler refreshes. */
class CandleBudgetProperties {
    private static final List<String> SYMBOLS = List.of("BTC-USDT", "ETH-USDT", "SOL-USDT");
    private static final List<String> TIMEFRAMES = List.of("1m", "5m", "15m", "1h", "1d");

    /** One step: wait, then either a request for a key or a scheduler run. */
    record Step(long waitMillis, boolean refresh, int symbol, int timeframe) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                // Mostly bursts (to exhaust the budget), sometimes long waits (to let entries go stale).
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs().between(0, 500)),
                        Tuple.of(1, Arbitraries.longs().between(0, 30_000))),
                Arbitraries.integers().between(0, 9).map(i -> i == 0), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 4)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 300, seed = "17004")
    void atMostEightProviderCallsInAnySixtySecondWindow(@ForAll("steps") List<Step> steps) {
        long[] now = {Instant.parse("2026-12-07T00:00:00Z").toEpochMilli()};
        InstantSource clock = () -> Instant.ofEpochMilli(now[0]);
        List<Long> calls = new ArrayList<>();
        CandleProvider provider = new CandleProvider() {
            @Override
            public List<String> symbols() {
                return SYMBOLS;
            }

            @Override
            public List<Bar> candles(String symbol, Interval interval, int limit) {
                calls.add(now[0]);
                return List.of(new Bar(0, 1, 1, 1, 1, 1));
            }
        };
        CandleCache cache = new CandleCache(provider, clock, Duration.ofSeconds(10));
        for (Step s : steps) {
            now[0] += s.waitMillis();
            if (s.refresh()) {
                cache.refreshHottest();
            } else {
                try {
                    cache.get(SYMBOLS.get(s.symbol()).replace('-', '/'), TIMEFRAMES.get(s.timeframe()));
                } catch (EngineException e) {
                    assertTrue(e.code() == ErrorCode.RATE_LIMITED, e::getMessage);
                }
            }
        }
        // Any window [t, t + 60 s) holds the most calls when it starts at a call: check every such window.
        for (int i = 0; i < calls.size(); i++) {
            int inWindow = 0;
            for (int j = i; j < calls.size() && calls.get(j) < calls.get(i) + 60_000; j++) {
                inWindow++;
            }
            int count = inWindow;
            assertTrue(count <= CandleCache.BUDGET, () -> count + " provider calls within 60 s from " + calls.get(0));
        }
    }
}
