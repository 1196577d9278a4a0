package io.hfthot.engine.hub.auth;

import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;

/**
 * The stored row of a hub API key ({@code X-API-Key}): SHA-256 only (seed 004).
 *
 * @param fingerprint SHA-256 of the key
 * @param userId      the owner
 * @param hint        a non-secret reminder: prefix and last four characters
 * @param createdAt   issue time
 * @param revokedAt   when it was regenerated away, or null
 */
public record HubApiKeyRecord(Fingerprint fingerprint, String userId, String hint, Instant createdAt,
                              Instant revokedAt) {
    /** Validates the components. */
    public HubApiKeyRecord {
        if (fingerprint == null || userId == null || hint == null || createdAt == null) {
            throw new IllegalArgumentException("fingerprint, userId, hint and createdAt are required");
        }
    }

    /**
     * Tells whether the key still authenticates.
     *
     * @return true when not revoked
     */
    public boolean active() {
        return revokedAt == null;
    }
}
