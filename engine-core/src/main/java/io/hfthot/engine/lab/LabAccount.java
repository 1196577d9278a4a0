package io.hfthot.engine.lab;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.IssuedApiKey;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.access.AccountKeys;
import io.hfthot.engine.keys.DemoKeys;
import io.hfthot.engine.lab.api.GeneratedKey;
import io.hfthot.engine.lab.api.UsageResponse;
import io.hfthot.engine.quota.QuotaDecision;
import io.hfthot.engine.storage.StorageGuard;
import io.hfthot.engine.usage.AccountUsage;
import io.hfthot.engine.usage.provider.ProviderKeys;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Seed 000's account operations: usage under the seed's field names, and API keys (the operator's path and the
 * caller's own {@code POST /v1/keys} / {@code DELETE /v1/keys/{key_id}}). Part of {@link LabService}.
 *
 * <p>Thread-safe; every operation validates its input and throws {@link EngineException}.
 */
public final class LabAccount {
    private final InstantSource clock;
    private final AccessControl access;
    private final ProviderKeys providerKeys;
    private final StorageGuard storage;

    LabAccount(Engine engine) {
        this.clock = engine.clock();
        this.access = engine.access();
        this.providerKeys = engine.providerKeys();
        this.storage = engine.storage();
    }

    /**
     * {@code GET /v1/account/usage}: the caller's usage under seed 000's field names.
     *
     * @param caller the caller
     * @return requests_today, daily_limit, ws_active, ws_max, tier, billing_cycle_end, provider_keys
     */
    public UsageResponse usage(Principal caller) {
        Objects.requireNonNull(caller, "caller");
        AccountUsage u = access.usage(caller, clock.instant());
        Map<String, Object> f = u.toFields();
        Map<String, Object> providers = new LinkedHashMap<>();
        providerKeys.status(caller.ownerId()).forEach((name, status) -> providers.put(name, status.toFields()));
        return new UsageResponse(u.requestsToday(), f.get("daily_limit"), u.wsActive(), f.get("ws_max"), u.tier().id(),
                u.billingCycleEnd().toString(), providers);
    }

    /**
     * Issues an API key for any account, the operator's path (benchmarks, tests, administration): it is not
     * subject to the account limits of {@link #createKey}. The raw key is returned once and only its hash is
     * stored.
     *
     * @param owner the owner id (1..128 characters of letters, digits, {@code _ . @ -})
     * @param tier  the tier ({@code free_beta}, {@code hobbyist}, {@code professional}, {@code enterprise}, or
     *              the short forms {@code free}, {@code hob}, {@code pro}, {@code ent})
     * @return the key
     * @throws EngineException INVALID_PARAMS (owner, tier)
     */
    public GeneratedKey generateKey(String owner, String tier) {
        if (owner == null || !owner.matches("[A-Za-z0-9_.@-]{1,128}")) {
            throw EngineException.invalid("owner", "owner must be 1 to 128 letters, digits or _ . @ -, got "
                    + (owner == null ? "nothing" : "'" + owner + "'"));
        }
        Tier t;
        try {
            t = Tier.parse(tier);
        } catch (IllegalArgumentException e) {
            throw EngineException.invalid("tier", e.getMessage());
        }
        IssuedApiKey issued = storage.write("creating an API key", () -> access.keys().issue(owner, t));
        return DemoKeys.toGenerated(issued);
    }

    /**
     * {@code POST /v1/keys}: creates a key in the caller's account, within its tier, live-key cap and creation
     * window ({@link io.hfthot.engine.identity.access.AccountKeys}).
     *
     * @param caller the key asking
     * @param tier   the new key's tier (any name {@link Tier#parse} accepts), or null for the caller's tier
     * @return the key (the raw key is returned once)
     * @throws EngineException INVALID_PARAMS (tier), TIER_REQUIRED (tier above the caller's), RATE_LIMITED (cap or
     *                      creation window)
     */
    public GeneratedKey createKey(Principal caller, String tier) {
        Objects.requireNonNull(caller, "caller");
        Tier t;
        try {
            t = tier == null ? caller.tier() : Tier.parse(tier);
        } catch (IllegalArgumentException e) {
            throw EngineException.invalid("tier", e.getMessage());
        }
        AccountKeys.Issue issue = storage.write("creating an API key",
                () -> access.accountKeys().create(caller, t, clock.instant()));
        QuotaDecision d = issue.decision();
        if (!d.allowed()) {
            ErrorCode code = d.outcome() == QuotaDecision.Outcome.TIER_REQUIRED ? ErrorCode.TIER_REQUIRED
                    : ErrorCode.RATE_LIMITED;
            throw new EngineException(code, "tier", d.required().orElse(null), d.message(), null);
        }
        return DemoKeys.toGenerated(issue.key());
    }

    /**
     * {@code DELETE /v1/keys/{key_id}}: revokes a key of the caller's account; it is refused from the next request
     * on and its open streams are closed.
     *
     * @param caller the key asking (it may revoke itself)
     * @param keyId  the key's public id
     * @return the revoked row, or empty when the caller's account has no key with that id
     */
    public Optional<ApiKeyRecord> revokeKey(Principal caller, String keyId) {
        Objects.requireNonNull(caller, "caller");
        return storage.write("revoking an API key", () -> access.accountKeys().revoke(caller, keyId));
    }
}
