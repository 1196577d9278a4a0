package io.hfthot.engine.identity;

/**
 * A newly issued key: the raw value, to be shown to its owner once and never again, and its row.
 *
 * @param rawKey the key the client will send in {@code X-HFThot-API-Key}
 * @param record the stored row (fingerprint only)
 */
public record IssuedApiKey(String rawKey, ApiKeyRecord record) {
    /** Validates the components. */
    public IssuedApiKey {
        if (rawKey == null || record == null) {
            throw new IllegalArgumentException("rawKey and record must not be null");
        }
    }

    /** Hides the raw key so it cannot leak through logging of this record. */
    @Override
    public String toString() {
        return "IssuedApiKey[keyId=" + record.keyId() + ", tier=" + record.tier() + "]";
    }
}
