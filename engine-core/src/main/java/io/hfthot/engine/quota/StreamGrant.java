package io.hfthot.engine.quota;

import java.util.Optional;

/**
 * The answer to opening a stream: the decision and, when allowed, the lease to close when the stream ends.
 *
 * @param decision the decision (limit = streams allowed, remaining = streams still free)
 * @param lease    the held slot when allowed, else null
 */
public record StreamGrant(QuotaDecision decision, StreamLease lease) {
    /** Validates that a lease is present exactly when the decision allows. */
    public StreamGrant {
        if (decision == null) {
            throw new IllegalArgumentException("decision must not be null");
        }
        if (decision.allowed() != (lease != null)) {
            throw new IllegalArgumentException("a lease must be present exactly when the decision allows");
        }
    }

    /**
     * Returns the lease.
     *
     * @return the lease, or empty when refused
     */
    public Optional<StreamLease> held() {
        return Optional.ofNullable(lease);
    }
}
