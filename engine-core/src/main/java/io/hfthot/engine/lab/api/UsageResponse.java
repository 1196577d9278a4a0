package io.hfthot.engine.lab.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code GET /v1/account/usage} (seed 000), spelled by a SNAKE_CASE encoder as
 * {@code requests_today}, {@code daily_limit}, {@code ws_active}, {@code ws_max}, {@code tier},
 * {@code billing_cycle_end}, {@code provider_keys}.
 *
 * @param requestsToday   requests admitted since 00:00 UTC
 * @param dailyLimit      a {@link Long}, or the string {@code unlimited}
 * @param wsActive        open WebSocket streams
 * @param wsMax           a {@link Long}, or the string {@code unlimited}
 * @param tier            the tier's wire id
 * @param billingCycleEnd ISO-8601 UTC end of the billing cycle
 * @param providerKeys    per provider, its budget fields ({@code queries_remaining}, ...); empty when none
 */
public record UsageResponse(long requestsToday, Object dailyLimit, int wsActive, Object wsMax, String tier,
                            String billingCycleEnd, Map<String, Object> providerKeys) {
    /** Validates and copies. */
    public UsageResponse {
        Objects.requireNonNull(dailyLimit, "dailyLimit");
        Objects.requireNonNull(wsMax, "wsMax");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(billingCycleEnd, "billingCycleEnd");
        providerKeys = Collections.unmodifiableMap(new LinkedHashMap<>(providerKeys));
    }

    /**
     * Returns the fields under the seed's names, in the seed's order.
     *
     * @return an ordered map
     */
    public Map<String, Object> toFields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests_today", requestsToday);
        out.put("daily_limit", dailyLimit);
        out.put("ws_active", wsActive);
        out.put("ws_max", wsMax);
        out.put("tier", tier);
        out.put("billing_cycle_end", billingCycleEnd);
        out.put("provider_keys", providerKeys);
        return out;
    }
}
