package io.hfthot.engine.usage.provider;

import java.time.Duration;

/**
 * How many upstream queries a provider key may make per window.
 *
 * @param limit  queries per window, at least 1
 * @param window the sliding window
 */
public record ProviderBudget(long limit, Duration window) {
    /** TwelveData as run by the hub: 8 requests per minute (seed 004). */
    public static final ProviderBudget TWELVE_DATA = new ProviderBudget(8, Duration.ofMinutes(1));
    /** Finnhub's published free plan: 60 API calls per minute. */
    public static final ProviderBudget FINNHUB = new ProviderBudget(60, Duration.ofMinutes(1));

    /** Validates the limit and window. */
    public ProviderBudget {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        if (window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be a positive duration, got " + window);
        }
    }
}
