package io.hfthot.client.model;

import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@code GET /v1/account/usage}.
 *
 * @param requestsToday   requests admitted since 00:00 UTC
 * @param dailyLimit      requests per day of the tier
 * @param wsActive        open WebSocket streams
 * @param wsMax           concurrent streams of the tier
 * @param tier            the tier's wire id
 * @param billingCycleEnd ISO-8601 UTC end of the billing cycle
 * @param providerKeys    per provider, its budget fields; empty when none
 */
public record Usage(long requestsToday, Limit dailyLimit, int wsActive, Limit wsMax, String tier, String billingCycleEnd,
                    Map<String, Object> providerKeys) {
    /** Checks and copies. */
    public Usage {
        Objects.requireNonNull(dailyLimit, "dailyLimit");
        Objects.requireNonNull(wsMax, "wsMax");
        Objects.requireNonNull(tier, "tier");
        providerKeys = Checks.copy(providerKeys);
    }
}
