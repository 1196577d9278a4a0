package io.hfthot.engine.hti.profile;

import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.quota.RateLimitResult;
import io.hfthot.engine.quota.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Issues HTI codes and authenticates them on every request (seed 001's {@code X-API-Code}).
 *
 * <p>Authentication refuses a missing, unknown or expired code (401, as issue 15 specifies for seed 001), and one
 * over its own
 * {@code request_limit_per_minute} in the exact sliding minute of the {@link RateLimiter} (429).
 * Thread-safe when its store and limiter are.
 */
public final class HtiAccess {
    /** The header seed 001 clients send. */
    public static final String HEADER = "X-API-Code";
    private static final String CODE_PREFIX = "hti_";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ProfileStore store;
    private final RandomSecrets secrets;
    private final RateLimiter limiter;
    private final InstantSource clock;

    /**
     * Creates the service.
     *
     * @param store   where profiles live
     * @param secrets the CSPRNG for new codes
     * @param limiter the per-code limiter
     * @param clock   the time source
     */
    public HtiAccess(ProfileStore store, RandomSecrets secrets, RateLimiter limiter, InstantSource clock) {
        if (store == null || secrets == null || limiter == null || clock == null) {
            throw new IllegalArgumentException("store, secrets, limiter and clock must not be null");
        }
        this.store = store;
        this.secrets = secrets;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * Issues a code. The code is in the result only: show it once.
     *
     * @param accountName           the customer account
     * @param validUntil            end of validity, or null for an unlimited code
     * @param requestLimitPerMinute requests per sliding minute
     * @param filters               which ideas the code receives
     * @return the code and its profile
     */
    public IssuedApiCode issue(String accountName, Instant validUntil, int requestLimitPerMinute, IdeaFilters filters) {
        String code = secrets.next(CODE_PREFIX);
        HtiProfile profile = new HtiProfile(Fingerprint.of(code), accountName,
                validUntil == null ? ValidityType.UNLIMITED : ValidityType.FIXED_TERM, validUntil,
                requestLimitPerMinute, filters, clock.instant());
        store.insert(profile);
        return new IssuedApiCode(code, profile);
    }

    /**
     * Changes a profile's filters, limit or validity; the code stays the same.
     *
     * @param updated the new version (same fingerprint)
     * @return false when the profile does not exist
     */
    public boolean update(HtiProfile updated) {
        return store.replace(updated);
    }

    /**
     * Authenticates a presented code and counts the request against its per-minute limit.
     *
     * @param code the {@code X-API-Code} value (or the stream's {@code api_code} parameter), may be null
     * @return the profile, or the refusal with its status and detail
     */
    public HtiAuthentication authenticate(String code) {
        if (code == null || code.isBlank()) {
            return new HtiAuthentication.Refused(401, "Missing API code: send it in the " + HEADER
                    + " header (or the api_code query parameter for the stream).", null);
        }
        Fingerprint presented = Fingerprint.of(code.trim());
        Optional<HtiProfile> found = store.find(presented).filter(p -> p.fingerprint().matches(presented));
        if (found.isEmpty()) {
            return new HtiAuthentication.Refused(401, "Invalid API code.", null);
        }
        HtiProfile profile = found.get();
        Instant now = clock.instant();
        if (profile.expiredAt(now)) {
            return new HtiAuthentication.Refused(401, "API code expired at " + profile.validUntil()
                    + "; ask your account manager for a new code.", null);
        }
        RateLimitResult window = limiter.tryAcquire("hti|" + profile.codeId(), profile.requestLimitPerMinute(),
                MINUTE, now);
        if (!window.allowed()) {
            return new HtiAuthentication.Refused(429, "Rate limit reached: " + profile.requestLimitPerMinute()
                    + " requests per minute for this API code; retry at epoch second " + window.resetEpochSecond()
                    + ".", window);
        }
        return new HtiAuthentication.Accepted(profile, now, window);
    }
}
