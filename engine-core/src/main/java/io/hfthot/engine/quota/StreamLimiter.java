package io.hfthot.engine.quota;

import java.util.Optional;

/**
 * Counts open streams (WebSocket, SSE, gRPC server streams) per subject against a maximum.
 *
 * <p>Contract: {@link #tryOpen} returns a lease only when, counting the new one, at most {@code max}
 * leases of that subject are open, also under concurrent calls; a lease counts until closed, and
 * closing it again has no effect; {@link #active} reads the current count. Thread-safe. A shared
 * (Redis) implementation gives leases a time to live refreshed while the stream is alive, so a
 * replica that dies does not keep its slots forever.
 */
public interface StreamLimiter {
    /**
     * Opens a lease when the subject is below its maximum.
     *
     * @param subject the subject (the quota engine counts per account id)
     * @param max     the maximum simultaneous leases, at least 1, or {@link Integer#MAX_VALUE} for no limit
     * @return the lease, or empty when {@code max} leases are already open
     */
    Optional<StreamLease> tryOpen(String subject, int max);

    /**
     * Returns the number of open leases.
     *
     * @param subject the subject
     * @return open leases, 0 for an unknown subject
     */
    int active(String subject);
}
