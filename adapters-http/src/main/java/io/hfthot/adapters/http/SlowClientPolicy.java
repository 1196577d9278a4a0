package io.hfthot.adapters.http;

/**
 * What a WebSocket connection does when its bounded send queue is full because the client reads
 * more slowly than the server sends. Either way the queue never exceeds its bound.
 */
public enum SlowClientPolicy {
    /**
     * Discard the oldest queued message and queue the new one; the client sees a gap but stays
     * connected (suits snapshots and ticks where the newest value supersedes older ones).
     */
    DROP_OLDEST,
    /**
     * Close the connection with status 1008 (policy violation) and reason
     * {@code "send queue full"}, then drop the TCP connection if the close frame cannot be delivered
     * within one second (a client that never reads would never receive it). The client reconnects and
     * resynchronises. The default: silent gaps are worse than an explicit reconnect for most feeds.
     */
    DISCONNECT
}
