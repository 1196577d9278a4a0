package io.hfthot.engine.identity;

import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.Optional;

/**
 * The stored row of an API key: its SHA-256 fingerprint, never the key itself.
 *
 * @param fingerprint SHA-256 of the raw key
 * @param hint        a non-secret reminder shown in key lists: the tier prefix and the last four
 *                    characters (e.g. {@code hft_pro_…x9Qa})
 * @param ownerId     the owning account
 * @param tier        the key's tier
 * @param createdAt   issue time
 * @param revokedAt   revocation time, or null while the key is active
 */
public record ApiKeyRecord(Fingerprint fingerprint, String hint, String ownerId, Tier tier,
                           Instant createdAt, Instant revokedAt) {
    /** Validates the required components and that revocation does not precede creation. */
    public ApiKeyRecord {
        if (fingerprint == null || tier == null || createdAt == null) {
            throw new IllegalArgumentException("fingerprint, tier and createdAt must not be null");
        }
        if (ownerId == null || ownerId.isBlank()) {
            throw new IllegalArgumentException("ownerId must not be blank, got " + ownerId);
        }
        if (hint == null) {
            throw new IllegalArgumentException("hint must not be null");
        }
        if (revokedAt != null && revokedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("revokedAt " + revokedAt + " precedes createdAt " + createdAt);
        }
    }

    /**
     * Returns the public key id (the fingerprint's short id).
     *
     * @return 16 hex digits
     */
    public String keyId() {
        return fingerprint.shortId();
    }

    /**
     * Tells whether the key still authenticates.
     *
     * @return true when not revoked
     */
    public boolean active() {
        return revokedAt == null;
    }

    /**
     * Returns the revocation time.
     *
     * @return revocation time, or empty while active
     */
    public Optional<Instant> revoked() {
        return Optional.ofNullable(revokedAt);
    }

    /**
     * Returns a copy marked revoked.
     *
     * @param at revocation time
     * @return the revoked row
     */
    public ApiKeyRecord revokedAt(Instant at) {
        return new ApiKeyRecord(fingerprint, hint, ownerId, tier, createdAt, at);
    }

    /**
     * Returns the principal this key authenticates as.
     *
     * @return the principal
     */
    public Principal principal() {
        return new Principal(keyId(), ownerId, tier, createdAt);
    }
}
