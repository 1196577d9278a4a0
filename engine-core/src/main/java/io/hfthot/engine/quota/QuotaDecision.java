package io.hfthot.engine.quota;

import io.hfthot.engine.identity.Tier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to "may this caller use this feature now?", with everything a transport needs to reply.
 *
 * <p>HTTP: {@link #httpStatus()} and {@link #errorCode()} for the error body, {@link #message()} for
 * its text, {@link #rateLimitHeaders()} for {@code X-RateLimit-Limit/Remaining/Reset}. gRPC maps the
 * outcome to UNAUTHENTICATED / PERMISSION_DENIED / RESOURCE_EXHAUSTED.
 *
 * @param outcome          allowed or why not
 * @param feature          the feature asked for; null for a historical-depth decision or an unauthenticated
 *                         call whose feature is not known
 * @param limit            the limit of the window or stream count that applied, or -1 when none did
 * @param remaining        what is left after this call (-1 when no limit applied)
 * @param resetEpochSecond when {@code remaining} next grows, in epoch seconds (-1 when no limit applied)
 * @param requiredTier     for {@code TIER_REQUIRED}, the lowest tier that has the feature (null when no tier
 *                         has it); null for every other outcome
 * @param message          a user-facing sentence (empty when allowed)
 */
public record QuotaDecision(Outcome outcome, Feature feature, long limit, long remaining, long resetEpochSecond,
                            Tier requiredTier, String message) {

    /** Why a decision went the way it did, with the seed 000 status and error code. */
    public enum Outcome {
        /** Go ahead. */
        ALLOWED(200, null),
        /** Missing, unknown or revoked key. */
        UNAUTHORIZED(401, "UNAUTHORIZED"),
        /** The feature or depth needs a higher tier. */
        TIER_REQUIRED(403, "TIER_REQUIRED"),
        /** A window or stream limit is reached. */
        RATE_LIMITED(429, "RATE_LIMITED");

        private final int httpStatus;
        private final String errorCode;

        Outcome(int httpStatus, String errorCode) {
            this.httpStatus = httpStatus;
            this.errorCode = errorCode;
        }

        /**
         * Returns the HTTP status seed 000 gives this outcome.
         *
         * @return 200, 401, 403 or 429
         */
        public int httpStatus() {
            return httpStatus;
        }

        /**
         * Returns seed 000's error code.
         *
         * @return the code, or null for {@link #ALLOWED}
         */
        public String errorCode() {
            return errorCode;
        }
    }

    /** Validates the combination of fields. */
    public QuotaDecision {
        if (outcome == null || message == null) {
            throw new IllegalArgumentException("outcome and message must not be null");
        }
        if (requiredTier != null && outcome != Outcome.TIER_REQUIRED) {
            throw new IllegalArgumentException("requiredTier is only set for TIER_REQUIRED, got "
                    + requiredTier + " for " + outcome);
        }
        if (limit < -1 || (limit == -1) != (remaining == -1) || (limit == -1) != (resetEpochSecond == -1)) {
            throw new IllegalArgumentException("limit, remaining and reset must all be -1 or all be set, got "
                    + limit + ", " + remaining + ", " + resetEpochSecond);
        }
    }

    /**
     * Returns an allowed decision with no limit information.
     *
     * @param feature the feature
     * @return the decision
     */
    public static QuotaDecision allowedUnmetered(Feature feature) {
        return new QuotaDecision(Outcome.ALLOWED, feature, -1, -1, -1, null, "");
    }

    /**
     * Returns the decision for a missing or invalid key.
     *
     * @param feature the feature asked for (may be null when unknown)
     * @param message what was wrong
     * @return the decision
     */
    public static QuotaDecision unauthorized(Feature feature, String message) {
        return new QuotaDecision(Outcome.UNAUTHORIZED, feature, -1, -1, -1, null, message);
    }

    /**
     * Tells whether the call may proceed.
     *
     * @return true for {@link Outcome#ALLOWED}
     */
    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }

    /**
     * Returns the HTTP status.
     *
     * @return 200, 401, 403 or 429
     */
    public int httpStatus() {
        return outcome.httpStatus();
    }

    /**
     * Returns seed 000's error code.
     *
     * @return the code, or null when allowed
     */
    public String errorCode() {
        return outcome.errorCode();
    }

    /**
     * Tells whether a limit applied, i.e. whether rate-limit headers should be sent.
     *
     * @return true when limit, remaining and reset are set
     */
    public boolean hasRateLimit() {
        return limit >= 0;
    }

    /**
     * Returns the lowest tier with the feature, for {@code TIER_REQUIRED}.
     *
     * @return the tier, or empty
     */
    public Optional<Tier> required() {
        return Optional.ofNullable(requiredTier);
    }

    /**
     * Returns the {@code X-RateLimit-*} headers (empty when no limit applied).
     *
     * @return header name to value, in the order Limit, Remaining, Reset
     */
    public Map<String, String> rateLimitHeaders() {
        if (!hasRateLimit()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>(4);
        headers.put("X-RateLimit-Limit", Long.toString(limit));
        headers.put("X-RateLimit-Remaining", Long.toString(remaining));
        headers.put("X-RateLimit-Reset", Long.toString(resetEpochSecond));
        return Collections.unmodifiableMap(headers);
    }
}
