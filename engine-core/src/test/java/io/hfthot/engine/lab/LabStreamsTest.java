package io.hfthot.engine.lab;

import io.hfthot.engine.testkit.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.EventListener;
import io.hfthot.engine.events.InMemoryEventBus;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.lab.api.RegimeChangeMessage;
import io.hfthot.engine.lab.api.TickMessage;
import io.hfthot.engine.regime.RegimeService;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.market.SimulatedMarket;
import io.hfthot.engine.market.SimulatedMarketConfig;
import io.hfthot.engine.market.HistoryPlan;
import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.regime.RegimeChangeDetector;
import io.hfthot.quant.regime.RegimeChangeEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabStreamsTest {
    @TempDir
    Path dir;

    @Test
    void aSubscriberThatKeepsUpReceivesEveryTickInOrderWithoutGaps() throws InterruptedException {
        TestClock clock = new TestClock(LabFixtures.START);
        try (LabService engine = LabService.startInMemoryIdentity(LabConfig.forTests(dir, LabFixtures.SEED), clock, null)) {
            // A polled subscriber whose bounded queue would close it (CANCEL) if it ever fell behind.
            Subscription polled = engine.bus().subscribe(LabTopics.ticks("BTC-USDT"),
                    new SubscriptionOptions(50_000, OverflowPolicy.CANCEL));
            List<TickMessage> pushed = new CopyOnWriteArrayList<>();
            CountDownLatch pushClosed = new CountDownLatch(1);
            Subscription push = engine.subscribeTicks("BTC-USDT", new SubscriptionOptions(50_000, OverflowPolicy.CANCEL),
                    new EventListener() {
                        @Override
                        public void onEvent(Event event) {
                            pushed.add((TickMessage) event.payload());
                        }

                        @Override
                        public void onClose(CloseReason reason) {
                            pushClosed.countDown();
                        }
                    });
            long firstExpected = engine.engine().marketHistory().market().lastSequence("BTC-USDT") + 1;
            List<TickMessage> received = new ArrayList<>();
            for (int round = 0; round < 30; round++) {
                clock.advance(Duration.ofSeconds(2));
                engine.runMaintenance();
                for (Event e : polled.drain(100_000)) {
                    received.add((TickMessage) e.payload());
                }
            }
            long last = engine.engine().marketHistory().market().lastSequence("BTC-USDT");
            assertTrue(polled.isActive(), "the subscriber kept up");
            assertEquals(last - firstExpected + 1, received.size());
            for (int i = 0; i < received.size(); i++) {
                TickMessage t = received.get(i);
                assertEquals(firstExpected + i, t.seq(), "no gap, no reordering");
                assertEquals("tick", t.type());
                assertEquals("BTC-USDT", t.symbol());
                assertTrue(t.side().equals("buy") || t.side().equals("sell"));
                assertTrue(t.latencyUs() >= 0);
                if (i > 0) {
                    assertTrue(t.tsMs() >= received.get(i - 1).tsMs());
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pushed.size() < received.size() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(received, pushed, "a listener subscriber sees the same sequence");
            push.close();
            assertTrue(pushClosed.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void regimeChangesArePublishedExactlyWhenTheViterbiDetectorReportsThem() throws InterruptedException {
        Instant now = LabFixtures.START;
        SimulatedMarket market = new SimulatedMarket(SimulatedMarketConfig.defaults(LabFixtures.SEED)
                .withHistory(new HistoryPlan(6, 20, 90, 400, 30)), () -> now);
        List<Bar> bars = market.bars("SOL-USDT", Interval.ONE_MINUTE, Long.MIN_VALUE, now.toEpochMilli(), 5000);
        List<Bar> fitPart = bars.subList(0, 2000);
        List<Bar> live = bars.subList(2000, bars.size());
        try (InMemoryEventBus bus = new InMemoryEventBus(() -> now, 1)) {
            Subscription sub = bus.subscribe(LabTopics.regime("SOL-USDT"),
                    new SubscriptionOptions(10_000, OverflowPolicy.CANCEL));
            RegimeService service = new RegimeService(1000, FitOptions.defaults(), bus);
            service.track("SOL-USDT", fitPart);

            // Independent reference: a detector on the same model, primed the same way, fed the same bars.
            RegimeChangeDetector reference = new RegimeChangeDetector(service.model("SOL-USDT"));
            double[] prime = new double[fitPart.size()];
            for (int i = 0; i < prime.length; i++) {
                prime[i] = fitPart.get(i).close();
            }
            int from = Math.max(0, prime.length - (RegimeChangeDetector.DEFAULT_LOOKBACK + 11));
            for (int i = from; i < prime.length; i++) {
                reference.onBar(Instant.ofEpochMilli(i - from), prime[i]);
            }
            List<RegimeChangeEvent> expected = new ArrayList<>();
            for (Bar b : live) {
                Optional<RegimeChangeEvent> e = reference.onBar(Instant.ofEpochMilli(b.time()), b.close());
                e.ifPresent(expected::add);
            }

            int published = 0;
            for (int i = 0; i < live.size(); i += 97) {
                published += service.onNewBars("SOL-USDT", live.subList(i, Math.min(live.size(), i + 97)));
            }
            assertEquals(expected.size(), published);
            assertTrue(expected.size() >= 1, "six days of a regime-switching market change regime at least once");
            List<Event> events = sub.drain(10_000);
            assertEquals(expected.size(), events.size());
            for (int i = 0; i < events.size(); i++) {
                RegimeChangeMessage m = (RegimeChangeMessage) events.get(i).payload();
                RegimeChangeEvent e = expected.get(i);
                assertEquals("regime_change", m.type());
                assertEquals(e.from().wireName(), m.from());
                assertEquals(e.to().wireName(), m.to());
                assertEquals(e.timeMillis(), m.tsMs());
                assertEquals(e.to().recommendedStrategy(), m.recommendedStrategy());
                assertTrue(m.confidence() > 0.75, "confidence " + m.confidence());
                if (i > 0) {
                    assertEquals(((RegimeChangeMessage) events.get(i - 1).payload()).to(), m.from(), "changes chain");
                }
            }
        }
    }
}
