package io.hfthot.engine.identity;

import java.time.Instant;

/**
 * Who is calling: an API key that was found, not revoked, with its owner and tier.
 *
 * <p>{@code keyId} is the public short id of the key's fingerprint: safe to log, used as the
 * rate-limit and usage subject (seed 000 enforces limits per API key).
 *
 * @param keyId     public id of the key (16 hex digits)
 * @param ownerId   the account that owns the key
 * @param tier      the key's tier
 * @param createdAt when the key was issued (anchors the billing cycle)
 */
public record Principal(String keyId, String ownerId, Tier tier, Instant createdAt) {
    /** Validates that no component is null or blank. */
    public Principal {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("keyId must not be blank, got " + keyId);
        }
        if (ownerId == null || ownerId.isBlank()) {
            throw new IllegalArgumentException("ownerId must not be blank, got " + ownerId);
        }
        if (tier == null || createdAt == null) {
            throw new IllegalArgumentException("tier and createdAt must not be null");
        }
    }
}
