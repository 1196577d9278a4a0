package io.hfthot.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.EventListener;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.CloseReason;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link EventBus} contract; every implementation's test extends this class.
 *
 * <p>An implementation that delivers from another thread (a shared bus reads its events back from Redis)
 * overrides {@link #awaitDelivery()}; the checks of queue contents call it after publishing.
 */
public abstract class EventBusContract {
    /** A fixed clock, so {@link Event#publishedAt()} is checkable. */
    protected static final Instant NOW = Instant.parse("2026-01-19T14:30:00Z");
    private static final Duration WAIT = Duration.ofSeconds(5);

    protected EventBus bus;

    /**
     * Creates the bus under test.
     *
     * @param clock the clock it must stamp events with
     * @return a fresh bus
     */
    protected abstract EventBus createBus(InstantSource clock);

    @BeforeEach
    void setUp() {
        bus = createBus(InstantSource.fixed(NOW));
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    /**
     * Waits until every event published so far through {@link #bus} sits in its subscriptions' queues (or was
     * dropped by their policies). The in-memory bus delivers to queues inside {@code publish}, so the default
     * returns at once.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    protected void awaitDelivery() throws InterruptedException {
    }

    private static SubscriptionOptions options(int capacity, OverflowPolicy policy) {
        return new SubscriptionOptions(capacity, policy);
    }

    @Test
    void deliversInPublicationOrderWithIncreasingSequenceAndTheBusClock() throws Exception {
        try (Subscription sub = bus.subscribe("ticks", SubscriptionOptions.defaults())) {
            assertEquals(1, bus.publish("ticks", "a"));
            assertEquals(2, bus.publish("ticks", "b"));
            Event first = sub.poll(WAIT).orElseThrow();
            Event second = sub.poll(WAIT).orElseThrow();
            assertEquals("a", first.payload());
            assertEquals("b", second.payload());
            assertEquals(1, first.sequence());
            assertEquals(2, second.sequence());
            assertEquals(NOW, first.publishedAt());
            assertEquals("ticks", first.topic());
        }
    }

    @Test
    void topicsAreIsolatedAndSequencesArePerTopic() throws Exception {
        try (Subscription ticks = bus.subscribe("ticks", SubscriptionOptions.defaults());
             Subscription ideas = bus.subscribe("ideas", SubscriptionOptions.defaults())) {
            bus.publish("ticks", 1);
            bus.publish("ticks", 2);
            assertEquals(1, bus.publish("ideas", "x"));
            awaitDelivery();
            assertEquals(List.of(1, 2), payloads(ticks.drain(10)));
            assertEquals(List.of("x"), payloads(ideas.drain(10)));
        }
    }

    @Test
    void noReplayOfEventsPublishedBeforeSubscribing() throws Exception {
        bus.publish("ticks", "old");
        try (Subscription sub = bus.subscribe("ticks", SubscriptionOptions.defaults())) {
            assertEquals(Optional.empty(), sub.poll(Duration.ZERO));
            bus.publish("ticks", "new");
            assertEquals("new", sub.poll(WAIT).orElseThrow().payload());
        }
    }

    @Test
    void dropOldestKeepsTheNewestCapacityEventsAndCountsTheRest() throws Exception {
        try (Subscription sub = bus.subscribe("t", options(3, OverflowPolicy.DROP_OLDEST))) {
            for (int i = 1; i <= 10; i++) {
                bus.publish("t", i);
            }
            awaitDelivery();
            assertEquals(3, sub.pending());
            assertEquals(7, sub.dropped());
            assertEquals(List.of(8, 9, 10), payloads(sub.drain(10)));
            assertTrue(sub.isActive());
        }
    }

    @Test
    void dropNewestKeepsTheFirstCapacityEvents() throws Exception {
        try (Subscription sub = bus.subscribe("t", options(3, OverflowPolicy.DROP_NEWEST))) {
            for (int i = 1; i <= 10; i++) {
                bus.publish("t", i);
            }
            awaitDelivery();
            assertEquals(7, sub.dropped());
            assertEquals(List.of(1, 2, 3), payloads(sub.drain(10)));
        }
    }

    @Test
    void cancelPolicyClosesTheSubscriptionOnOverflowAndRemovesIt() throws Exception {
        Subscription sub = bus.subscribe("t", options(2, OverflowPolicy.CANCEL));
        bus.publish("t", 1);
        bus.publish("t", 2);
        awaitDelivery();
        assertTrue(sub.isActive());
        bus.publish("t", 3);
        awaitDelivery();
        assertFalse(sub.isActive());
        assertEquals(Optional.of(CloseReason.OVERFLOW), sub.closeReason());
        assertEquals(0, sub.pending());
        assertEquals(Optional.empty(), sub.poll(Duration.ofMillis(10)));
        assertEquals(0, bus.subscriberCount("t"));
    }

    @Test
    void aSlowSubscriberDoesNotAffectAFastOne() throws Exception {
        try (Subscription slow = bus.subscribe("t", options(1, OverflowPolicy.DROP_NEWEST));
             Subscription fast = bus.subscribe("t", options(100, OverflowPolicy.DROP_NEWEST))) {
            for (int i = 0; i < 50; i++) {
                bus.publish("t", i);
            }
            awaitDelivery();
            assertEquals(49, slow.dropped());
            assertEquals(0, fast.dropped());
            assertEquals(50, fast.pending());
        }
    }

    @Test
    void closingUnsubscribesAndIsIdempotent() throws Exception {
        Subscription sub = bus.subscribe("t", SubscriptionOptions.defaults());
        assertEquals(1, bus.subscriberCount("t"));
        bus.publish("t", "queued");
        sub.close();
        sub.close();
        assertEquals(0, bus.subscriberCount("t"));
        assertEquals(Optional.of(CloseReason.UNSUBSCRIBED), sub.closeReason());
        assertEquals(Optional.empty(), sub.poll(Duration.ZERO));
        bus.publish("t", "after");
        assertEquals(0, sub.pending());
    }

    @Test
    void pollWaitsForAPublicationFromAnotherThread() throws Exception {
        try (Subscription sub = bus.subscribe("t", SubscriptionOptions.defaults())) {
            Thread publisher = new Thread(() -> bus.publish("t", "late"));
            publisher.start();
            assertEquals("late", sub.poll(WAIT).orElseThrow().payload());
            publisher.join();
        }
    }

    @Test
    void pollWakesUpWhenTheSubscriptionIsClosedElsewhere() throws Exception {
        Subscription sub = bus.subscribe("t", SubscriptionOptions.defaults());
        Thread closer = new Thread(sub::close);
        closer.start();
        assertEquals(Optional.empty(), sub.poll(Duration.ofMinutes(1)));
        closer.join();
        assertFalse(sub.isActive());
    }

    @Test
    void listenerReceivesEveryEventInOrderThenOnClose() throws Exception {
        List<Object> received = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(100);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<CloseReason> reason = new AtomicReference<>();
        Subscription sub = bus.subscribe("t", options(1000, OverflowPolicy.CANCEL), new EventListener() {
            @Override
            public void onEvent(Event event) {
                received.add(event.payload());
                all.countDown();
            }

            @Override
            public void onClose(CloseReason why) {
                reason.set(why);
                closed.countDown();
            }
        });
        for (int i = 0; i < 100; i++) {
            bus.publish("t", i);
        }
        assertTrue(all.await(5, TimeUnit.SECONDS));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i);
        }
        assertEquals(expected, received);
        sub.close();
        assertTrue(closed.await(5, TimeUnit.SECONDS));
        assertEquals(CloseReason.UNSUBSCRIBED, reason.get());
    }

    @Test
    void aThrowingListenerKeepsReceiving() throws Exception {
        CountDownLatch two = new CountDownLatch(2);
        try (Subscription sub = bus.subscribe("t", SubscriptionOptions.defaults(), event -> {
            two.countDown();
            throw new IllegalStateException("listener bug on " + event.payload());
        })) {
            bus.publish("t", 1);
            bus.publish("t", 2);
            assertTrue(two.await(5, TimeUnit.SECONDS));
            assertTrue(sub.isActive());
        }
    }

    @Test
    void closingTheBusClosesSubscriptionsAndRefusesFurtherUse() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<CloseReason> reason = new AtomicReference<>();
        Subscription pull = bus.subscribe("t", SubscriptionOptions.defaults());
        bus.subscribe("t", SubscriptionOptions.defaults(), new EventListener() {
            @Override
            public void onEvent(Event event) {
            }

            @Override
            public void onClose(CloseReason why) {
                reason.set(why);
                closed.countDown();
            }
        });
        bus.close();
        assertEquals(Optional.of(CloseReason.BUS_CLOSED), pull.closeReason());
        assertTrue(closed.await(5, TimeUnit.SECONDS));
        assertEquals(CloseReason.BUS_CLOSED, reason.get());
        assertThrows(IllegalStateException.class, () -> bus.publish("t", 1));
        assertThrows(IllegalStateException.class, () -> bus.subscribe("t", SubscriptionOptions.defaults()));
    }

    @Test
    void rejectsBlankTopicsAndNullPayloadsNamingTheProblem() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> bus.publish(" ", 1));
        assertTrue(blank.getMessage().contains("topic"), blank.getMessage());
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> bus.publish("t", null));
        assertTrue(nul.getMessage().contains("payload"), nul.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SubscriptionOptions(0, OverflowPolicy.CANCEL));
    }

    @Test
    void concurrentPublishersKeepEachPublishersOrder() throws Exception {
        int perPublisher = 2000;
        try (Subscription sub = bus.subscribe("t", options(4 * perPublisher, OverflowPolicy.CANCEL))) {
            List<Thread> publishers = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                int id = p;
                publishers.add(new Thread(() -> {
                    for (int i = 0; i < perPublisher; i++) {
                        bus.publish("t", new int[] {id, i});
                    }
                }));
            }
            publishers.forEach(Thread::start);
            for (Thread t : publishers) {
                t.join();
            }
            awaitDelivery();
            int[] next = new int[4];
            long lastSeq = 0;
            for (Event e : sub.drain(Integer.MAX_VALUE)) {
                int[] p = (int[]) e.payload();
                assertEquals(next[p[0]], p[1], "publisher " + p[0] + " out of order");
                next[p[0]]++;
                assertTrue(e.sequence() > lastSeq, "sequence must increase");
                lastSeq = e.sequence();
            }
            for (int p = 0; p < 4; p++) {
                assertEquals(perPublisher, next[p]);
            }
        }
    }

    @Test
    void aSubscriberSeesEverySequenceWithoutGaps() throws Exception {
        int count = 1000;
        try (Subscription sub = bus.subscribe("gapless", options(count, OverflowPolicy.CANCEL))) {
            long first = bus.publish("gapless", 0);
            for (int i = 1; i < count; i++) {
                assertEquals(first + i, bus.publish("gapless", i));
            }
            awaitDelivery();
            List<Event> got = sub.drain(Integer.MAX_VALUE);
            assertEquals(count, got.size());
            for (int i = 0; i < count; i++) {
                assertEquals(first + i, got.get(i).sequence(), "gap or reordering at " + i);
                assertEquals(i, got.get(i).payload());
            }
            assertEquals(0, sub.dropped());
        }
    }

    private static List<Object> payloads(List<Event> events) {
        List<Object> out = new ArrayList<>();
        for (Event e : events) {
            out.add(e.payload());
        }
        return out;
    }
}
