package io.hfthot.engine.usage;

import io.hfthot.engine.identity.Tier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code GET /v1/account/usage} (seed 000).
 *
 * @param requestsToday   requests admitted since 00:00 UTC
 * @param dailyLimit      the most requests the tier's per-minute window can admit in a day
 *                        (limit x 1440), or -1 when unlimited
 * @param wsActive        open WebSocket streams
 * @param wsMax           streams allowed at once, or -1 when unlimited
 * @param tier            the key's tier
 * @param billingCycleEnd when the current billing cycle renews
 */
public record AccountUsage(long requestsToday, long dailyLimit, int wsActive, long wsMax, Tier tier,
                           Instant billingCycleEnd) {
    /** The JSON value written for an unlimited quantity. */
    public static final String UNLIMITED = "unlimited";

    /** Validates counts and required fields. */
    public AccountUsage {
        if (requestsToday < 0 || wsActive < 0 || dailyLimit < -1 || wsMax < -1) {
            throw new IllegalArgumentException("usage counts must be >= 0 (limits >= -1), got requestsToday "
                    + requestsToday + ", dailyLimit " + dailyLimit + ", wsActive " + wsActive + ", wsMax " + wsMax);
        }
        if (tier == null || billingCycleEnd == null) {
            throw new IllegalArgumentException("tier and billingCycleEnd must not be null");
        }
    }

    /**
     * Returns the fields under seed 000's names, ready for a JSON encoder: numbers as {@link Long} or
     * {@link Integer}, unlimited quantities as {@value #UNLIMITED}, the tier as its wire id and the
     * cycle end as an ISO-8601 UTC string.
     *
     * @return an ordered map
     */
    public Map<String, Object> toFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requests_today", requestsToday);
        fields.put("daily_limit", dailyLimit < 0 ? UNLIMITED : dailyLimit);
        fields.put("ws_active", wsActive);
        fields.put("ws_max", wsMax < 0 ? UNLIMITED : wsMax);
        fields.put("tier", tier.id());
        fields.put("billing_cycle_end", billingCycleEnd.toString());
        return fields;
    }
}
