package io.hfthot.client.model;

import java.util.Objects;

/**
 * The answer of {@code DELETE /v1/keys/{key_id}}: the key is refused from the next request on.
 *
 * @param keyId     the revoked key's id (16 lowercase hex digits)
 * @param tier      its tier's wire id
 * @param revokedAt ISO-8601 UTC revocation time (the first revocation's, when the key was revoked before)
 */
public record RevokedKey(String keyId, String tier, String revokedAt) {
    /** Checks that the server named the key and the time. */
    public RevokedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }
}
