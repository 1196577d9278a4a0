package io.hfthot.client.model;

import java.util.Objects;

/**
 * The answer of {@code POST /v1/keys}; the raw key is shown only here.
 *
 * @param apiKey    the raw key, e.g. {@code hft_hob_...}
 * @param keyId     the key's public id
 * @param owner     the owner
 * @param tier      the tier's wire id
 * @param createdAt ISO-8601 UTC creation time
 */
public record GeneratedKey(String apiKey, String keyId, String owner, String tier, String createdAt) {
    /** Checks the key. */
    public GeneratedKey {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(tier, "tier");
    }

    /** Hides the secret from logs. */
    @Override
    public String toString() {
        return "GeneratedKey[keyId=" + keyId + ", owner=" + owner + ", tier=" + tier + ", createdAt=" + createdAt + "]";
    }
}
