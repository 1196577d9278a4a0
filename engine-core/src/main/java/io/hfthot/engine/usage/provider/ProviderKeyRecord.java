package io.hfthot.engine.usage.provider;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The stored row of an upstream provider key: the key sealed, never in clear.
 *
 * @param ownerId   the user the key belongs to
 * @param provider  the provider name, lowercase (e.g. {@code finnhub}, {@code twelvedata})
 * @param sealedKey the key sealed by {@code AesGcmSealer} (copied in and out)
 * @param budget    the query budget
 * @param updatedAt when the key was last stored
 */
public record ProviderKeyRecord(String ownerId, String provider, byte[] sealedKey, ProviderBudget budget,
                                Instant updatedAt) {
    /** Validates and copies. */
    public ProviderKeyRecord {
        if (ownerId == null || ownerId.isBlank()) {
            throw new IllegalArgumentException("ownerId must not be blank, got " + ownerId);
        }
        provider = normalise(provider);
        if (sealedKey == null || sealedKey.length == 0) {
            throw new IllegalArgumentException("sealedKey must not be empty");
        }
        if (budget == null || updatedAt == null) {
            throw new IllegalArgumentException("budget and updatedAt must not be null");
        }
        sealedKey = sealedKey.clone();
    }

    /**
     * Returns a copy of the sealed bytes.
     *
     * @return the sealed key
     */
    @Override
    public byte[] sealedKey() {
        return sealedKey.clone();
    }

    /**
     * Normalises a provider name: trimmed, lowercase, letters, digits, {@code -} and {@code _} only.
     *
     * @param provider the name
     * @return the normalised name
     */
    public static String normalise(String provider) {
        if (provider == null || !provider.trim().matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("provider must be 1 to 64 letters, digits, '-' or '_', got " + provider);
        }
        return provider.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderKeyRecord r && ownerId.equals(r.ownerId) && provider.equals(r.provider)
                && Arrays.equals(sealedKey, r.sealedKey) && budget.equals(r.budget)
                && updatedAt.equals(r.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ownerId, provider, Arrays.hashCode(sealedKey), budget, updatedAt);
    }

    /** Omits the sealed bytes. */
    @Override
    public String toString() {
        return "ProviderKeyRecord[ownerId=" + ownerId + ", provider=" + provider + ", budget=" + budget
                + ", updatedAt=" + updatedAt + "]";
    }
}
