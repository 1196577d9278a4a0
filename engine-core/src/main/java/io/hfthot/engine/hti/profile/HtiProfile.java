package io.hfthot.engine.hti.profile;

import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored profile of one HTI API code (seed 001); the code itself is kept only as a fingerprint.
 *
 * @param fingerprint           SHA-256 of the code
 * @param accountName           the customer account
 * @param validityType          unlimited or fixed-term
 * @param validUntil            end of validity (exclusive) for fixed-term codes, null for unlimited
 * @param requestLimitPerMinute requests allowed per sliding minute, at least 1
 * @param filters               which ideas the code receives
 * @param createdAt             issue time
 */
public record HtiProfile(Fingerprint fingerprint, String accountName, ValidityType validityType, Instant validUntil,
                         int requestLimitPerMinute, IdeaFilters filters, Instant createdAt) {
    /** Validates the components and that validity type and end agree. */
    public HtiProfile {
        if (fingerprint == null || validityType == null || filters == null || createdAt == null) {
            throw new IllegalArgumentException("fingerprint, validityType, filters and createdAt must not be null");
        }
        if (accountName == null || accountName.isBlank()) {
            throw new IllegalArgumentException("account_name must not be blank, got " + accountName);
        }
        if ((validityType == ValidityType.UNLIMITED) != (validUntil == null)) {
            throw new IllegalArgumentException("valid_until must be null for unlimited codes and set for fixed_term"
                    + " codes, got " + validUntil + " for " + validityType.wireName());
        }
        if (requestLimitPerMinute < 1) {
            throw new IllegalArgumentException("request_limit_per_minute must be >= 1, got " + requestLimitPerMinute);
        }
    }

    /**
     * Returns the public id of the code.
     *
     * @return 16 hex digits
     */
    public String codeId() {
        return fingerprint.shortId();
    }

    /**
     * Tells whether the code has expired at {@code now}.
     *
     * @param now the current time
     * @return true for a fixed-term code at or after {@code valid_until}
     */
    public boolean expiredAt(Instant now) {
        return validUntil != null && !now.isBefore(validUntil);
    }

    /**
     * Returns the profile as seed 001's client reads it.
     *
     * @param presentedCode   the code the client sent (echoed as {@code api_code}; never stored)
     * @param authenticatedAt when it was authenticated
     * @return an ordered map with {@code account_name, api_code, validity_type, valid_until,
     *         request_limit_per_minute, filters, authenticated_at}
     */
    public Map<String, Object> toFields(String presentedCode, Instant authenticatedAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("account_name", accountName);
        fields.put("api_code", presentedCode);
        fields.put("validity_type", validityType.wireName());
        fields.put("valid_until", validUntil == null ? null : validUntil.toString());
        fields.put("request_limit_per_minute", requestLimitPerMinute);
        fields.put("filters", filters.toFields());
        fields.put("authenticated_at", authenticatedAt.toString());
        return fields;
    }
}
