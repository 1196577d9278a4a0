package io.hfthot.engine.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One subscriber's bounded queue on one topic.
 *
 * <p>Contract: events arrive in publication order (per topic); the queue never holds more than
 * {@link SubscriptionOptions#capacity()} events, and events that do not fit are handled by the
 * subscription's {@link OverflowPolicy} and counted by {@link #dropped()}. Once closed, for whatever
 * {@link CloseReason}, a subscription delivers nothing more, discards what it held and is removed
 * from the bus. {@link #close()} is idempotent. All methods are thread-safe; a pull subscription is
 * meant to be drained by one consumer thread.
 */
public interface Subscription extends AutoCloseable {
    /**
     * Returns the topic this subscription listens to.
     *
     * @return the topic
     */
    String topic();

    /**
     * Waits up to {@code timeout} for the next event.
     *
     * @param timeout how long to wait; zero or negative means do not wait
     * @return the next event, or empty when none arrived in time or the subscription is closed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Optional<Event> poll(Duration timeout) throws InterruptedException;

    /**
     * Removes and returns up to {@code max} queued events without waiting.
     *
     * @param max the most events to return, at least 1
     * @return the events in publication order, possibly empty
     */
    List<Event> drain(int max);

    /**
     * Returns the number of events currently queued.
     *
     * @return a value in {@code [0, capacity]}
     */
    int pending();

    /**
     * Returns how many events this subscription discarded under {@link OverflowPolicy#DROP_OLDEST} or
     * {@link OverflowPolicy#DROP_NEWEST}.
     *
     * @return the count since subscribing
     */
    long dropped();

    /**
     * Tells whether the subscription still receives events.
     *
     * @return false once closed for any reason
     */
    boolean isActive();

    /**
     * Returns why the subscription closed.
     *
     * @return the reason, or empty while active
     */
    Optional<CloseReason> closeReason();

    /**
     * Asks to be told whenever this subscription has news: an event was queued, or it closed. This lets a
     * consumer drain a pull subscription without a thread waiting in {@link #poll} (an SSE stream drains it when
     * its transport can take more bytes, so the subscription's bound and {@link OverflowPolicy} still hold).
     *
     * <p>Contract: the callback runs on the publishing (or bus reader) thread, outside the subscription's lock,
     * once per queued event and once on close; it must return at once (schedule the draining elsewhere) and
     * must not throw. A later call replaces the callback.
     *
     * @param callback what to run; never null
     */
    void onActivity(Runnable callback);

    /** Unsubscribes ({@link CloseReason#UNSUBSCRIBED}); does nothing when already closed. */
    @Override
    void close();
}
