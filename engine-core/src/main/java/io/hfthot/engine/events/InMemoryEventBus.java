package io.hfthot.engine.events;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final ExecutorService deliveryExecutor;
    private final Map<String, TopicState> topics = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Per-topic state; the lock orders sequence assignment and queue appends. */
    private static final class TopicState {
        private final AtomicLong sequence = new AtomicLong();
        private final List<BoundedSubscription> subscribers = new CopyOnWriteArrayList<>();
    }

    /**
     * Creates a bus.
     *
     * @param clock           stamps {@link Event#publishedAt()}
     * @param deliveryThreads threads that run listener deliveries, in {@code [1, 256]}
     */
    public InMemoryEventBus(InstantSource clock, int deliveryThreads) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (deliveryThreads < 1 || deliveryThreads > 256) {
            throw new IllegalArgumentException("deliveryThreads must be in [1, 256], got " + deliveryThreads);
        }
        this.deliveryExecutor = Executors.newFixedThreadPool(deliveryThreads, daemonThreads());
    }

    /**
     * Creates a bus on the system clock with two delivery threads.
     *
     * @return a new bus; close it when done
     */
    public static InMemoryEventBus create() {
        return new InMemoryEventBus(InstantSource.system(), 2);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "hfthot-events-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public long publish(String topic, Object payload) {
        Topics.requireValid(topic);
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null (topic '" + topic + "')");
        }
        requireOpen();
        TopicState state = topics.computeIfAbsent(topic, t -> new TopicState());
        synchronized (state) {
            long seq = state.sequence.incrementAndGet();
            Event event = new Event(topic, seq, clock.instant(), payload);
            for (BoundedSubscription s : state.subscribers) {
                s.offer(event);
            }
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
        return register(topic, options, new PushDelivery(listener, deliveryExecutor));
    }

    private Subscription register(String topic, SubscriptionOptions options, PushDelivery push) {
        Topics.requireValid(topic);
        Objects.requireNonNull(options, "options");
        requireOpen();
        TopicState state = topics.computeIfAbsent(topic, t -> new TopicState());
        BoundedSubscription sub = new BoundedSubscription(topic, options,
                s -> state.subscribers.remove(s), push == null ? () -> { } : push::schedule);
        if (push != null) {
            push.attach(sub);
        }
        synchronized (state) {
            state.subscribers.add(sub);
        }
        if (closed) {
            sub.closeWith(CloseReason.BUS_CLOSED);
        }
        return sub;
    }

    @Override
    public int subscriberCount(String topic) {
        TopicState state = topics.get(topic);
        return state == null ? 0 : state.subscribers.size();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the event bus is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (TopicState state : topics.values()) {
            for (BoundedSubscription s : state.subscribers) {
                s.closeWith(CloseReason.BUS_CLOSED);
            }
        }
        deliveryExecutor.shutdown();
        try {
            // Lets queued onClose notifications reach their listeners before returning.
            deliveryExecutor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
