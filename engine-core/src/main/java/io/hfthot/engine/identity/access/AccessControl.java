package io.hfthot.engine.identity.access;

import io.hfthot.engine.identity.ApiKeyService;
import io.hfthot.engine.identity.InMemoryApiKeyStore;
import io.hfthot.engine.identity.KeyLimits;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.quota.Feature;
import io.hfthot.engine.quota.InMemoryStreamLimiter;
import io.hfthot.engine.quota.QuotaDecision;
import io.hfthot.engine.quota.QuotaEngine;
import io.hfthot.engine.quota.QuotaTable;
import io.hfthot.engine.quota.SlidingLogRateLimiter;
import io.hfthot.engine.quota.StreamGrant;
import io.hfthot.engine.usage.AccountUsage;
import io.hfthot.engine.usage.InMemoryUsageStore;
import io.hfthot.engine.usage.UsageService;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Authentication, quota decisions and usage accounting behind one facade for the HTTP filter and the
 * gRPC interceptor.
 *
 * <p>A filter does: {@code authenticate(header)}; on {@link Authentication.Rejected} reply with its
 * decision; else {@code decide(principal, feature, now)} and reply with the decision's status, code,
 * message and {@code X-RateLimit-*} headers, or pass the request on. Every admitted
 * {@link Feature#REST_REQUEST} is counted in the usage store. Thread-safe.
 */
public final class AccessControl {
    /** The HTTP header seed 000 clients send. */
    public static final String API_KEY_HEADER = "X-HFThot-API-Key";
    /** The gRPC metadata key seed 000 clients send. */
    public static final String API_KEY_METADATA = "x-hfthot-api-key";

    private final ApiKeyService keys;
    private final QuotaEngine quotas;
    private final UsageService usage;
    private final AccountKeys accountKeys;

    /**
     * Creates the facade.
     *
     * @param keys   API key verification
     * @param quotas the quota engine
     * @param usage  usage accounting
     */
    public AccessControl(ApiKeyService keys, QuotaEngine quotas, UsageService usage) {
        this(keys, quotas, usage, KeyLimits.defaults());
    }

    /**
     * Creates the facade with explicit key limits.
     *
     * @param keys      API key verification
     * @param quotas    the quota engine
     * @param usage     usage accounting
     * @param keyLimits live-key caps and key-creation rate per account
     */
    public AccessControl(ApiKeyService keys, QuotaEngine quotas, UsageService usage, KeyLimits keyLimits) {
        if (keys == null || quotas == null || usage == null || keyLimits == null) {
            throw new IllegalArgumentException("keys, quotas, usage and keyLimits must not be null");
        }
        this.keys = keys;
        this.quotas = quotas;
        this.usage = usage;
        this.accountKeys = new AccountKeys(keys, quotas.limiter(), keyLimits);
    }

    /**
     * Wires the in-memory defaults with seed 000's table: a one-process server or a test.
     *
     * @param clock   the time source for key creation times
     * @param secrets the CSPRNG for new keys
     * @return the facade
     */
    public static AccessControl inMemory(InstantSource clock, RandomSecrets secrets) {
        return inMemory(clock, secrets, KeyLimits.defaults());
    }

    /**
     * Wires the in-memory defaults with seed 000's table and explicit key limits.
     *
     * @param clock     the time source for key creation times
     * @param secrets   the CSPRNG for new keys
     * @param keyLimits live-key caps and key-creation rate per account
     * @return the facade
     */
    public static AccessControl inMemory(InstantSource clock, RandomSecrets secrets, KeyLimits keyLimits) {
        QuotaEngine quotas = new QuotaEngine(QuotaTable.seed000(), new SlidingLogRateLimiter(),
                new InMemoryStreamLimiter());
        return new AccessControl(new ApiKeyService(new InMemoryApiKeyStore(), secrets, clock), quotas,
                new UsageService(quotas, new InMemoryUsageStore()), keyLimits);
    }

    /**
     * Returns the key service (issue, revoke, list).
     *
     * @return the key service
     */
    public ApiKeyService keys() {
        return keys;
    }

    /**
     * Returns key management on behalf of callers (create within the account's limits, revoke, revocation
     * listeners).
     *
     * @return the account keys
     */
    public AccountKeys accountKeys() {
        return accountKeys;
    }

    /**
     * Returns the quota engine.
     *
     * @return the engine
     */
    public QuotaEngine quotas() {
        return quotas;
    }

    /**
     * Authenticates a raw key as presented in {@value #API_KEY_HEADER} or {@value #API_KEY_METADATA}.
     *
     * @param rawKey the presented key, or null when absent
     * @return the principal, or the {@code UNAUTHORIZED} decision
     */
    public Authentication authenticate(String rawKey) {
        if (rawKey == null || rawKey.isBlank()) {
            return new Authentication.Rejected(QuotaDecision.unauthorized(null,
                    "Missing API key: send your hft_ key in the " + API_KEY_HEADER + " header (gRPC metadata "
                            + API_KEY_METADATA + ")."));
        }
        Optional<Principal> principal = keys.verify(rawKey.trim());
        if (principal.isEmpty()) {
            return new Authentication.Rejected(QuotaDecision.unauthorized(null,
                    "Invalid API key: it is unknown or revoked; keys start with hft_free_, hft_hob_, hft_pro_"
                            + " or hft_ent_."));
        }
        return new Authentication.Authenticated(principal.get());
    }

    /**
     * Decides one use of a feature and counts admitted REST requests.
     *
     * @param principal the caller
     * @param feature   the feature
     * @param now       the time of the call
     * @return the decision
     */
    public QuotaDecision decide(Principal principal, Feature feature, Instant now) {
        QuotaDecision decision = quotas.decide(principal, feature, now);
        if (feature == Feature.REST_REQUEST && decision.allowed()) {
            usage.recordRequest(principal, now);
        }
        return decision;
    }

    /**
     * Authenticates and decides in one call.
     *
     * @param rawKey  the presented key, or null
     * @param feature the feature
     * @param now     the time of the call
     * @return the decision ({@code UNAUTHORIZED} when the key does not authenticate)
     */
    public QuotaDecision check(String rawKey, Feature feature, Instant now) {
        Authentication auth = authenticate(rawKey);
        if (auth instanceof Authentication.Authenticated) {
            return decide(((Authentication.Authenticated) auth).principal(), feature, now);
        }
        QuotaDecision rejected = ((Authentication.Rejected) auth).decision();
        return QuotaDecision.unauthorized(feature, rejected.message());
    }

    /**
     * Opens a stream slot for the caller.
     *
     * @param principal the caller
     * @param now       the time of the call
     * @return the decision and lease; close the lease when the stream ends
     */
    public StreamGrant openStream(Principal principal, Instant now) {
        return quotas.openStream(principal, now);
    }

    /**
     * Decides whether a history query may start at {@code start} (seed 000's historical depth).
     *
     * @param principal the caller
     * @param start     the query's earliest instant
     * @param now       the current time
     * @return allowed or {@code TIER_REQUIRED}
     */
    public QuotaDecision historyFrom(Principal principal, Instant start, Instant now) {
        return quotas.historyFrom(principal, start, now);
    }

    /**
     * Returns the caller's usage report.
     *
     * @param principal the caller
     * @param now       the time of the report
     * @return the report
     */
    public AccountUsage usage(Principal principal, Instant now) {
        return usage.usage(principal, now);
    }
}
