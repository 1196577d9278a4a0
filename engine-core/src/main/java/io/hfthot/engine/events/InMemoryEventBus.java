package io.hfthot.engine.events;

import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded {@link EventBus}: topics and subscriptions held in memory in one process.
 *
 * <p>Publishing takes the topic's lock only to assign the sequence number and append to each
 * subscriber's bounded queue, so a publisher never waits for a consumer. Listener subscriptions are
 * drained by a small shared executor, one task per subscription at a time.
 */
public final class InMemoryEventBus implements EventBus {
    private final InstantSource clock;
    private final EventFanout fanout;
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

    /**
     * Creates a bus.
     *
     * @param clock           stamps {@link Event#publishedAt()}
     * @param deliveryThreads threads that run listener deliveries, in {@code [1, 256]}
     */
    public InMemoryEventBus(InstantSource clock, int deliveryThreads) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fanout = new EventFanout(deliveryThreads, "hfthot-events-");
    }

    /**
     * Creates a bus on the system clock with two delivery threads.
     *
     * @return a new bus; close it when done
     */
    public static InMemoryEventBus create() {
        return new InMemoryEventBus(InstantSource.system(), 2);
    }

    @Override
    public long publish(String topic, Object payload) {
        Topics.requireValid(topic);
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null (topic '" + topic + "')");
        }
        requireOpen();
        AtomicLong sequence = sequences.computeIfAbsent(topic, t -> new AtomicLong());
        // The per-topic lock orders sequence assignment and queue appends.
        synchronized (sequence) {
            long seq = sequence.incrementAndGet();
            fanout.deliver(new Event(topic, seq, clock.instant(), payload));
            return seq;
        }
    }

    @Override
    public Subscription subscribe(String topic, SubscriptionOptions options) {
        return register(topic, options, null);
    }

    @Override
    public Subscription subscribe(String topic, SubscriptionOptions options, EventListener listener) {
        Objects.requireNonNull(listener, "listener");
        return register(topic, options, listener);
    }

    private Subscription register(String topic, SubscriptionOptions options, EventListener listener) {
        Topics.requireValid(topic);
        requireOpen();
        // Registration is synchronous with publication, so every later event is above sequence 0's filter.
        return fanout.register(topic, options, listener, 0);
    }

    @Override
    public int subscriberCount(String topic) {
        return fanout.subscriberCount(topic);
    }

    private void requireOpen() {
        if (fanout.isClosed()) {
            throw new IllegalStateException("the event bus is closed");
        }
    }

    @Override
    public void close() {
        fanout.close();
    }
}
