package io.hfthot.engine.lab.api;

/**
 * A newly issued API key: the raw key is shown once and never stored.
 *
 * @param apiKey    the raw key (e.g. {@code hft_pro_...})
 * @param keyId     the key's public id
 * @param owner     the owner
 * @param tier      the tier's wire id
 * @param createdAt ISO-8601 UTC creation time
 */
public record GeneratedKey(String apiKey, String keyId, String owner, String tier, String createdAt) {
    /** Hides the raw key. */
    @Override
    public String toString() {
        return "GeneratedKey[keyId=" + keyId + ", owner=" + owner + ", tier=" + tier + "]";
    }
}
