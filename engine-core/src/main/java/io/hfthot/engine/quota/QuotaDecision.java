package io.hfthot.engine.quota;

import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.identity.Tier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to "may this caller use this feature now?", with everything a transport needs to reply.
 *
 * <p>A refusal carries its {@link ErrorCode} ({@link #code()}), which each adapter maps to its surface's status
 * in one place, {@link #message()} for its text and {@link #rateLimitHeaders()} for
 * {@code X-RateLimit-Limit/Remaining/Reset}.
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

    /** Why a decision went the way it did, with the engine's error code of a refusal. */
    public enum Outcome {
        /** Go ahead. */
        ALLOWED(null),
        /** Missing, unknown or revoked key. */
        UNAUTHORIZED(ErrorCode.UNAUTHORIZED),
        /** The feature or depth needs a higher tier. */
        TIER_REQUIRED(ErrorCode.TIER_REQUIRED),
        /** A window or stream limit is reached. */
        RATE_LIMITED(ErrorCode.RATE_LIMITED);

        private final ErrorCode code;

        Outcome(ErrorCode code) {
            this.code = code;
        }

        /**
         * Returns the error code of this refusal.
         *
         * @return the code, or null for {@link #ALLOWED}
         */
        public ErrorCode code() {
            return code;
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
     * Returns the error code of a refusal.
     *
     * @return the code, or null when allowed
     */
    public ErrorCode code() {
        return outcome.code();
    }

    /**
     * Returns seed 000's error code.
     *
     * @return the code, or null when allowed
     */
    public String errorCode() {
        return outcome == Outcome.ALLOWED ? null : outcome.code().name();
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
