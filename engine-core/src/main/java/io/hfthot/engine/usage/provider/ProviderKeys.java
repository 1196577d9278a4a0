package io.hfthot.engine.usage.provider;

import io.hfthot.engine.identity.crypto.AesGcmSealer;
import io.hfthot.engine.quota.RateLimitResult;
import io.hfthot.engine.quota.RateLimiter;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stores users' upstream provider keys sealed, and hands a key out only within its query budget.
 *
 * <p>Budgets use the {@link RateLimiter} SPI (bucket {@code provider|owner|provider}), so a shared
 * limiter keeps several replicas within one provider's quota. Each sealed key is bound to its owner and
 * provider as AES-GCM associated data: a row copied to another owner fails to open. Thread-safe.
 */
public final class ProviderKeys {
    private final ProviderKeyStore store;
    private final AesGcmSealer sealer;
    private final RateLimiter limiter;
    private final InstantSource clock;

    /**
     * Creates the service.
     *
     * @param store   where sealed rows live
     * @param sealer  the AES-GCM sealer
     * @param limiter the budget limiter
     * @param clock   the time source
     */
    public ProviderKeys(ProviderKeyStore store, AesGcmSealer sealer, RateLimiter limiter, InstantSource clock) {
        if (store == null || sealer == null || limiter == null || clock == null) {
            throw new IllegalArgumentException("store, sealer, limiter and clock must not be null");
        }
        this.store = store;
        this.sealer = sealer;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * Stores (or replaces) a user's key for a provider.
     *
     * @param ownerId  the user
     * @param provider the provider name
     * @param apiKey   the provider key in clear (sealed before it reaches the store)
     * @param budget   the query budget
     */
    public void register(String ownerId, String provider, String apiKey, ProviderBudget budget) {
        String name = ProviderKeyRecord.normalise(provider);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey for provider " + name + " must not be blank");
        }
        byte[] sealed = sealer.seal(apiKey, aad(ownerId, name));
        store.put(new ProviderKeyRecord(ownerId, name, sealed, budget, clock.instant()));
    }

    /**
     * Takes one query from the budget and, when granted, opens the key.
     *
     * @param ownerId  the user
     * @param provider the provider name
     * @return the permit, or empty when the user has no key for that provider
     * @throws io.hfthot.engine.identity.crypto.SealedValueException when the stored key was tampered with
     */
    public Optional<ProviderPermit> acquire(String ownerId, String provider) {
        String name = ProviderKeyRecord.normalise(provider);
        return store.find(ownerId, name).map(row -> {
            RateLimitResult budget = limiter.tryAcquire(bucket(ownerId, name), row.budget().limit(),
                    row.budget().window(), clock.instant());
            String key = budget.allowed() ? sealer.open(row.sealedKey(), aad(ownerId, name)) : null;
            return new ProviderPermit(name, key, budget);
        });
    }

    /**
     * Reads a user's remaining budgets, by provider, without spending any.
     *
     * @param ownerId the user
     * @return provider name to status, sorted by provider
     */
    public Map<String, ProviderKeyStatus> status(String ownerId) {
        Map<String, ProviderKeyStatus> out = new LinkedHashMap<>();
        for (ProviderKeyRecord row : store.byOwner(ownerId)) {
            RateLimitResult r = limiter.peek(bucket(ownerId, row.provider()), row.budget().limit(),
                    row.budget().window(), clock.instant());
            out.put(row.provider(), new ProviderKeyStatus(row.provider(), r.remaining(), r.limit(),
                    row.budget().window().toSeconds(), r.resetEpochSecond()));
        }
        return out;
    }

    /**
     * Deletes a user's key for a provider.
     *
     * @param ownerId  the user
     * @param provider the provider name
     * @return true when a key was deleted
     */
    public boolean remove(String ownerId, String provider) {
        return store.delete(ownerId, ProviderKeyRecord.normalise(provider));
    }

    private static String bucket(String ownerId, String provider) {
        return "provider|" + ownerId + "|" + provider;
    }

    private static String aad(String ownerId, String provider) {
        return "provider-key|" + ownerId + "|" + provider;
    }
}
