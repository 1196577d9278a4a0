package io.hfthot.engine.lab.api;

import java.util.Map;

/**
 * The body of {@code GET /v1/account/usage}: {@code requests_today}, {@code daily_limit}, {@code ws_active},
 * {@code ws_max}, {@code tier}, {@code billing_cycle_end} and {@code provider_keys} (per provider:
 * {@code queries_remaining}, ...), as an ordered map under the seed's names ready for JSON.
 *
 * @param fields the fields
 */
public record UsageResponse(Map<String, Object> fields) {
    /** Copies the map, keeping its order. */
    public UsageResponse {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
