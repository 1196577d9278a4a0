package io.hfthot.engine.market;

import io.hfthot.engine.testkit.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TickPollerTest {
    private static SimulatedMarket market(TestClock clock, int retention) {
        SimulatedMarketConfig base = SimulatedMarketConfig.defaults(99).withHistory(HistoryPlan.small());
        return new SimulatedMarket(new SimulatedMarketConfig(99, base.symbols(), 50, base.history(), retention), clock);
    }

    @Test
    void deliversEveryNewTickOnceInOrder() {
        TestClock clock = TestClock.at("2026-01-02T03:04:05Z");
        SimulatedMarket market = market(clock, 1 << 16);
        Map<String, List<Tick>> received = new HashMap<>();
        List<Long> gaps = new ArrayList<>();
        long[] start = market.symbols().stream().mapToLong(market::lastSequence).toArray();
        try (TickPoller poller = new TickPoller(market, market.symbols(), new TickPoller.Listener() {
            @Override
            public void onTicks(String symbol, List<Tick> ticks) {
                received.computeIfAbsent(symbol, s -> new ArrayList<>()).addAll(ticks);
            }

            @Override
            public void onGap(String symbol, long expected, long got) {
                gaps.add(got - expected);
            }
        })) {
            for (int i = 0; i < 100; i++) {
                clock.advance(250);
                poller.pollOnce();
            }
        }
        assertTrue(gaps.isEmpty());
        for (int s = 0; s < market.symbols().size(); s++) {
            String symbol = market.symbols().get(s);
            List<Tick> ticks = received.get(symbol);
            assertEquals(market.lastSequence(symbol) - start[s], ticks.size());
            for (int i = 0; i < ticks.size(); i++) {
                assertEquals(start[s] + 1 + i, ticks.get(i).sequence());
            }
        }
    }

    @Test
    void reportsTicksLostBehindTheRetentionWindow() {
        TestClock clock = TestClock.at("2026-01-02T03:04:05Z");
        SimulatedMarket market = market(clock, 1024);
        List<long[]> gaps = new ArrayList<>();
        try (TickPoller poller = new TickPoller(market, List.of("BTC-USDT"), new TickPoller.Listener() {
            @Override
            public void onTicks(String symbol, List<Tick> ticks) {
            }

            @Override
            public void onGap(String symbol, long expected, long got) {
                gaps.add(new long[] {expected, got});
            }
        })) {
            long before = market.lastSequence("BTC-USDT");
            clock.advance(60_000); // about 3000 ticks at 50/s, three times the window
            poller.pollOnce();
            assertEquals(1, gaps.size());
            assertEquals(before + 1, gaps.get(0)[0]);
            assertEquals(market.lastSequence("BTC-USDT") - 1023, gaps.get(0)[1]);
        }
    }

    @Test
    void pollsOnItsOwnThreadUntilClosed() throws InterruptedException {
        TestClock clock = TestClock.at("2026-01-02T03:04:05Z");
        SimulatedMarket market = market(clock, 1 << 16);
        CountDownLatch delivered = new CountDownLatch(1);
        TickPoller poller = new TickPoller(market, List.of("ETH-USDT"), (symbol, ticks) -> delivered.countDown());
        poller.start(1);
        clock.advance(10_000);
        assertTrue(delivered.await(10, TimeUnit.SECONDS));
        poller.close();
        poller.close();
    }
}
