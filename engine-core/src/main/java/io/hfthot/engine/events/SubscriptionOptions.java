package io.hfthot.engine.events;

import java.util.Objects;

/**
 * Per-subscriber backpressure settings: the queue bound and what happens when it is reached.
 *
 * @param capacity       the most events queued for this subscriber, in {@code [1, 1_000_000]}
 * @param overflowPolicy what happens to an event that arrives when the queue is full
 */
public record SubscriptionOptions(int capacity, OverflowPolicy overflowPolicy) {
    /** The largest accepted capacity; larger queues would hide a stuck consumer for too long. */
    public static final int MAX_CAPACITY = 1_000_000;

    /** Validates the fields. */
    public SubscriptionOptions {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "capacity must be in [1, " + MAX_CAPACITY + "], got " + capacity);
        }
        Objects.requireNonNull(overflowPolicy, "overflowPolicy");
    }

    /**
     * The defaults used by the stream transports: 1024 queued events, dropping the oldest.
     *
     * @return the default options
     */
    public static SubscriptionOptions defaults() {
        return new SubscriptionOptions(1024, OverflowPolicy.DROP_OLDEST);
    }
}
