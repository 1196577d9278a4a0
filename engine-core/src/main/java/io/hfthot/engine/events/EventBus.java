package io.hfthot.engine.events;

/**
 * Publish/subscribe of events by topic: the seam between the services that produce live events
 * (ticks, regime changes, trade ideas, bot telemetry) and the stream transports that deliver them.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>{@link #publish} never blocks on subscribers and returns the event's per-topic sequence
 *       number; events published by one thread on one topic reach every subscriber in that order.</li>
 *   <li>A subscriber sees only events published after it subscribed (no replay).</li>
 *   <li>Backpressure is per subscriber: a bounded queue whose {@link OverflowPolicy} decides what a
 *       slow subscriber loses; other subscribers and the publisher are unaffected.</li>
 *   <li>Closing a subscription removes it from the bus ({@link #subscriberCount} drops); transports
 *       close their subscriptions when their connection goes away.</li>
 *   <li>{@link #close()} closes every subscription with {@link CloseReason#BUS_CLOSED}; publishing or
 *       subscribing afterwards throws {@link IllegalStateException}.</li>
 *   <li>All methods are thread-safe.</li>
 * </ul>
 * The in-memory default is {@link InMemoryEventBus}; a Kafka or Redis Streams implementation can sit
 * behind the same interface when one process is not enough.
 */
public interface EventBus extends AutoCloseable {
    /**
     * Publishes a payload on a topic.
     *
     * @param topic   the topic, non-blank
     * @param payload the payload, non-null
     * @return the sequence number given to the event on this topic
     * @throws IllegalArgumentException for a blank topic or null payload
     * @throws IllegalStateException    when the bus is closed
     */
    long publish(String topic, Object payload);

    /**
     * Subscribes with a queue the caller drains ({@link Subscription#poll}); suits a thread that owns
     * a blocking connection, such as an SSE response.
     *
     * @param topic   the topic, non-blank
     * @param options the queue bound and overflow policy
     * @return the new subscription, already receiving
     * @throws IllegalStateException when the bus is closed
     */
    Subscription subscribe(String topic, SubscriptionOptions options);

    /**
     * Subscribes with a listener the bus calls for each event (see {@link EventListener} for the
     * threading contract); suits non-blocking sinks such as a WebSocket send queue.
     *
     * @param topic    the topic, non-blank
     * @param options  the queue bound and overflow policy
     * @param listener receives the events and the final close
     * @return the new subscription; closing it stops delivery
     * @throws IllegalStateException when the bus is closed
     */
    Subscription subscribe(String topic, SubscriptionOptions options, EventListener listener);

    /**
     * Returns the number of active subscriptions on a topic.
     *
     * @param topic the topic
     * @return the count, zero for a topic nobody listens to
     */
    int subscriberCount(String topic);

    /** Closes every subscription with {@link CloseReason#BUS_CLOSED}; idempotent. */
    @Override
    void close();
}
