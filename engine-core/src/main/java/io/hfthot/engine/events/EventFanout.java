package io.hfthot.engine.events;

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

/**
 * The local half of an {@link EventBus}: the subscriptions of one process, their bounded queues and the
 * executor that pushes events to listener subscriptions. A bus decides sequence numbers and order and hands
 * each event to {@link #deliver}; the in-memory bus does so inside {@code publish}, a shared (Redis) bus from
 * the thread that reads the shared stream back. Both thereby get the same queueing and overflow behaviour.
 *
 * <p>Contract: {@link #deliver} must be called for one topic by one thread at a time, in sequence order (the
 * caller's lock or reader thread provides that); each subscription receives only events whose sequence is above
 * the one it was registered after. Thread-safe otherwise.
 */
public final class EventFanout implements AutoCloseable {
    private final ExecutorService deliveryExecutor;
    private final Map<String, List<Entry>> topics = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** One subscription and the last sequence it must not see (events up to it were published before it). */
    private record Entry(BoundedSubscription subscription, long afterSequence) {
    }

    /**
     * Creates a fan-out.
     *
     * @param deliveryThreads threads that run listener deliveries, in {@code [1, 256]}
     * @param threadPrefix    name prefix of those (daemon) threads
     */
    public EventFanout(int deliveryThreads, String threadPrefix) {
        if (deliveryThreads < 1 || deliveryThreads > 256) {
            throw new IllegalArgumentException("deliveryThreads must be in [1, 256], got " + deliveryThreads);
        }
        Objects.requireNonNull(threadPrefix, "threadPrefix");
        this.deliveryExecutor = Executors.newFixedThreadPool(deliveryThreads, daemonThreads(threadPrefix));
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Registers a subscription.
     *
     * @param topic         the topic, valid per {@link Topics}
     * @param options       queue bound and overflow policy
     * @param listener      the push listener, or null for a pull subscription
     * @param afterSequence events with a sequence up to this one are not delivered to it
     * @return the subscription, already receiving; closed at once with {@link CloseReason#BUS_CLOSED} when
     *         this fan-out is closed
     */
    public Subscription register(String topic, SubscriptionOptions options, EventListener listener,
                                 long afterSequence) {
        Topics.requireValid(topic);
        Objects.requireNonNull(options, "options");
        List<Entry> entries = topics.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>());
        PushDelivery push = listener == null ? null : new PushDelivery(listener, deliveryExecutor);
        BoundedSubscription sub = new BoundedSubscription(topic, options,
                s -> entries.removeIf(e -> e.subscription() == s), push == null ? () -> { } : push::schedule);
        if (push != null) {
            push.attach(sub);
        }
        entries.add(new Entry(sub, afterSequence));
        if (closed) {
            sub.closeWith(CloseReason.BUS_CLOSED);
        }
        return sub;
    }

    /**
     * Queues an event for every subscription of its topic registered before a lower sequence.
     *
     * @param event the event
     */
    public void deliver(Event event) {
        List<Entry> entries = topics.get(event.topic());
        if (entries == null) {
            return;
        }
        for (Entry e : entries) {
            if (event.sequence() > e.afterSequence()) {
                e.subscription().offer(event);
            }
        }
    }

    /**
     * Closes every subscription of a topic, for example with {@link CloseReason#OVERFLOW} when a shared bus lost
     * events it can no longer deliver, so consumers resynchronise.
     *
     * @param topic  the topic
     * @param reason the reason the subscriptions report
     */
    public void closeTopic(String topic, CloseReason reason) {
        List<Entry> entries = topics.get(topic);
        if (entries != null) {
            for (Entry e : entries) {
                e.subscription().closeWith(reason);
            }
        }
    }

    /**
     * Returns the topics that have at least one subscription.
     *
     * @return a snapshot
     */
    public List<String> activeTopics() {
        return topics.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /**
     * Returns the number of subscriptions on a topic.
     *
     * @param topic the topic
     * @return the count, 0 when none
     */
    public int subscriberCount(String topic) {
        List<Entry> entries = topics.get(topic);
        return entries == null ? 0 : entries.size();
    }

    /**
     * Tells whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /** Closes every subscription with {@link CloseReason#BUS_CLOSED} and lets queued close notices run; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (List<Entry> entries : topics.values()) {
            for (Entry e : entries) {
                e.subscription().closeWith(CloseReason.BUS_CLOSED);
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
