package io.hfthot.engine.usage.provider;

import io.hfthot.engine.quota.RateLimitResult;
import java.util.Optional;

/**
 * The answer to "may I call this provider now?": the opened key when the budget allowed one query.
 *
 * @param provider the provider
 * @param apiKey   the provider key in clear when granted, else null; use it and drop it
 * @param budget   the budget after this query
 */
public record ProviderPermit(String provider, String apiKey, RateLimitResult budget) {
    /** Validates that a key is present exactly when the budget admitted the query. */
    public ProviderPermit {
        if (provider == null || budget == null) {
            throw new IllegalArgumentException("provider and budget must not be null");
        }
        if (budget.allowed() != (apiKey != null)) {
            throw new IllegalArgumentException("apiKey must be present exactly when the budget admitted the query");
        }
    }

    /**
     * Returns the key when granted.
     *
     * @return the key, or empty when the budget is exhausted
     */
    public Optional<String> key() {
        return Optional.ofNullable(apiKey);
    }

    /** Omits the key. */
    @Override
    public String toString() {
        return "ProviderPermit[provider=" + provider + ", granted=" + budget.allowed() + ", remaining="
                + budget.remaining() + "]";
    }
}
