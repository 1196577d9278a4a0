package io.hfthot.engine.events;

/**
 * What a subscription does when an event arrives and its bounded queue is already full. The publisher
 * never blocks under any policy.
 */
public enum OverflowPolicy {
    /** Discard the oldest queued event to make room (live feeds: the newest state matters most). */
    DROP_OLDEST,
    /** Discard the arriving event and keep the queue as it is. */
    DROP_NEWEST,
    /**
     * Close the subscription with {@link CloseReason#OVERFLOW}: the consumer learns it fell behind and
     * can resynchronise (e.g. a stream client reconnects and re-reads history).
     */
    CANCEL
}
