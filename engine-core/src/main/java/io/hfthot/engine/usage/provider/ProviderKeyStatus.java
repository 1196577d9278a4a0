package io.hfthot.engine.usage.provider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider key's budget as read by clients ({@code provider_keys.<provider>.queries_remaining}).
 *
 * @param provider          the provider
 * @param queriesRemaining  queries still allowed in the current window
 * @param limit             queries per window
 * @param windowSeconds     the window length in seconds
 * @param resetEpochSecond  when {@code queriesRemaining} next grows
 */
public record ProviderKeyStatus(String provider, long queriesRemaining, long limit, long windowSeconds,
                                long resetEpochSecond) {
    /**
     * Returns the fields under snake_case names for a JSON encoder.
     *
     * @return an ordered map
     */
    public Map<String, Object> toFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("queries_remaining", queriesRemaining);
        fields.put("limit", limit);
        fields.put("window_seconds", windowSeconds);
        fields.put("reset", resetEpochSecond);
        return fields;
    }
}
