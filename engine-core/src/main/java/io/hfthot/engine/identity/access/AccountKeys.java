package io.hfthot.engine.identity.access;

import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.ApiKeyService;
import io.hfthot.engine.identity.IssuedApiKey;
import io.hfthot.engine.identity.KeyLimits;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.quota.QuotaDecision;
import io.hfthot.engine.quota.RateLimitResult;
import io.hfthot.engine.quota.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key management on behalf of a caller: a key creates keys for its own account and revokes its account's keys.
 *
 * <p><b>Accounts.</b> An account is the {@link Principal#ownerId()} of a key. A key created through this class
 * belongs to the creating key's account, so its rate limits, quotas and stream slots are the account's (see
 * {@link io.hfthot.engine.quota.QuotaEngine}); demo keys are issued each in its own account.
 *
 * <p><b>Limits</b> ({@link KeyLimits}): a caller may create keys of its own tier or lower (else
 * {@code TIER_REQUIRED}); an account holds at most the caller's tier cap of live keys and makes at most
 * {@code creationsPerDay} creations in any sliding 24 hours (else {@code RATE_LIMITED}, with the window's
 * reset). The creation window shares the quota engine's {@link RateLimiter} (bucket {@code account|key_creation})
 * so it is saved and restored with the other windows.
 *
 * <p><b>Revocation</b> is immediate: the next {@link ApiKeyService#verify} of the key fails. Code holding
 * something open for a key (a WebSocket, a gRPC stream) registers {@link #onRevoke} and is told at once.
 *
 * <p>Thread safety: creations serialise on this instance, so within one process a creation never loses a race for
 * the last slot; the cap itself is enforced by the key store in one atomic step
 * ({@link io.hfthot.engine.identity.ApiKeyStore#insertWithinCap}), so it also holds across replicas sharing the
 * store. Revocation and listener registration are lock-free.
 */
public final class AccountKeys {
    /** The rate-limiter bucket suffix of key creations. */
    public static final String CREATION_BUCKET_SUFFIX = "|key_creation";

    private static final Logger LOG = LoggerFactory.getLogger(AccountKeys.class);
    private static final Duration DAY = Duration.ofDays(1);

    private final ApiKeyService keys;
    private final RateLimiter limiter;
    private final KeyLimits limits;
    private final Map<String, Set<Runnable>> revokeListeners = new ConcurrentHashMap<>();

    /**
     * Creates the service.
     *
     * @param keys    the key store's service
     * @param limiter the windows (the quota engine's limiter, so one snapshot holds every window)
     * @param limits  caps and creation rate
     */
    public AccountKeys(ApiKeyService keys, RateLimiter limiter, KeyLimits limits) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * The outcome of a creation request: the new key, or the refusal.
     *
     * @param decision allowed, {@code TIER_REQUIRED} or {@code RATE_LIMITED}
     * @param key      the new key when allowed, else null
     */
    public record Issue(QuotaDecision decision, IssuedApiKey key) {
        /** Validates that a key is present exactly when the decision allows. */
        public Issue {
            Objects.requireNonNull(decision, "decision");
            if (decision.allowed() != (key != null)) {
                throw new IllegalArgumentException("a key must be present exactly when the decision allows");
            }
        }
    }

    /**
     * Returns the limits applied.
     *
     * @return the limits
     */
    public KeyLimits limits() {
        return limits;
    }

    /**
     * Creates a key of {@code tier} in the caller's account, if the caller's tier, the account's live-key cap
     * and its creation window allow.
     *
     * @param caller the key asking
     * @param tier   the new key's tier
     * @param now    the time of the request
     * @return the key, or the refusal (nothing is written when refused)
     */
    public synchronized Issue create(Principal caller, Tier tier, Instant now) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(tier, "tier");
        if (!caller.tier().atLeast(tier)) {
            return new Issue(new QuotaDecision(QuotaDecision.Outcome.TIER_REQUIRED, null, -1, -1, -1, tier,
                    "creating a " + tier.displayName() + " key requires a " + tier.displayName()
                            + " key or higher; this API key is on the " + caller.tier().displayName() + " tier."),
                    null);
        }
        String account = caller.ownerId();
        int cap = limits.liveKeys(caller.tier());
        long nowSecond = Math.max(0, now.getEpochSecond() + (now.getNano() > 0 ? 1 : 0));
        // A first look at the cap (not atomic with the insert) refuses the usual case without spending a creation
        // from the window.
        long live = liveKeys(account).size();
        if (live >= cap) {
            return capReached(caller, cap, live, nowSecond);
        }
        RateLimitResult window = limiter.tryAcquire(account + CREATION_BUCKET_SUFFIX, limits.creationsPerDay(),
                DAY, now);
        if (!window.allowed()) {
            return new Issue(new QuotaDecision(QuotaDecision.Outcome.RATE_LIMITED, null, window.limit(), 0,
                    window.resetEpochSecond(), null, "Key creation limit reached: an account may create "
                            + limits.creationsPerDay() + " API keys per 24 hours; the next creation is possible at "
                            + Instant.ofEpochSecond(window.resetEpochSecond()) + "."), null);
        }
        // The binding check: the store counts and inserts in one atomic step, so a creation racing this one on
        // another replica sharing the store cannot take the account past the cap. Losing that race spends the
        // creation already counted in the window: the refusal errs on the strict side.
        Optional<IssuedApiKey> issued = keys.issueWithinCap(account, tier, cap);
        if (issued.isEmpty()) {
            return capReached(caller, cap, cap, nowSecond);
        }
        return new Issue(new QuotaDecision(QuotaDecision.Outcome.ALLOWED, null, window.limit(), window.remaining(),
                window.resetEpochSecond(), null, ""), issued.get());
    }

    private static Issue capReached(Principal caller, int cap, long live, long nowSecond) {
        return new Issue(new QuotaDecision(QuotaDecision.Outcome.RATE_LIMITED, null, cap, 0, nowSecond, null,
                "Live key limit reached: an account on the " + caller.tier().displayName() + " tier holds at most "
                        + cap + " live API keys and this one holds " + live
                        + "; revoke one with DELETE /v1/keys/{key_id} first."), null);
    }

    /**
     * Revokes a key of the caller's account and tells whoever registered for it.
     *
     * @param caller the key asking (it may revoke itself)
     * @param keyId  the key's public id
     * @return the revoked row, or empty when no key of the caller's account has that id (another account's key
     *         is reported the same way, so ids of other accounts cannot be probed)
     */
    public Optional<ApiKeyRecord> revoke(Principal caller, String keyId) {
        Objects.requireNonNull(caller, "caller");
        if (keyId == null) {
            return Optional.empty();
        }
        Optional<ApiKeyRecord> row = keys.find(keyId).filter(r -> r.ownerId().equals(caller.ownerId()));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKeyRecord> revoked = keys.revoke(keyId);
        Set<Runnable> listeners = revokeListeners.remove(keyId);
        if (listeners != null) {
            for (Runnable listener : listeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    // One stream failing to close must not keep the others open.
                    LOG.warn("closing a stream of revoked key {} failed", keyId, e);
                }
            }
        }
        return revoked;
    }

    /**
     * Registers an action to run when a key is revoked (e.g. close its stream).
     *
     * @param keyId  the key's public id
     * @param action what to run, at most once, on the revoking thread
     * @return closing it unregisters the action (call it when the stream ends)
     */
    public Registration onRevoke(String keyId, Runnable action) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(action, "action");
        revokeListeners.computeIfAbsent(keyId, k -> ConcurrentHashMap.newKeySet()).add(action);
        if (keys.find(keyId).map(r -> !r.active()).orElse(true)) {
            // Revoked between the caller's authentication and this registration: act now, the revoker
            // may already have run the listeners.
            revokeListeners.computeIfPresent(keyId, (k, set) -> {
                set.remove(action);
                return set.isEmpty() ? null : set;
            });
            action.run();
        }
        return () -> revokeListeners.computeIfPresent(keyId, (k, set) -> {
            set.remove(action);
            return set.isEmpty() ? null : set;
        });
    }

    /** A registered revocation action; closing it unregisters the action and never throws. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        /** Unregisters the action. */
        @Override
        void close();
    }

    /**
     * Lists an account's live keys.
     *
     * @param account the account id
     * @return its keys that are not revoked, in creation order
     */
    public List<ApiKeyRecord> liveKeys(String account) {
        return keys.keysOf(account).stream().filter(ApiKeyRecord::active).toList();
    }
}
