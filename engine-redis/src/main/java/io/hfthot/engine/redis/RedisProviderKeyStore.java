package io.hfthot.engine.redis;

import io.hfthot.engine.usage.provider.ProviderBudget;
import io.hfthot.engine.usage.provider.ProviderKeyRecord;
import io.hfthot.engine.usage.provider.ProviderKeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Users' upstream provider keys shared by every replica: one hash per owner ({@code provider-keys:<owner>}), one
 * field per provider holding the update time, the query budget and the sealed key. {@code ProviderKeys} seals keys
 * with the engine's sealer (the data directory's master key, shared by the replicas) before they reach this store,
 * so Redis holds ciphertext only; this store never decrypts. Each call is one Redis command (atomic); nothing is
 * cached, so a key stored or deleted on one replica is seen by every other at once.
 */
public final class RedisProviderKeyStore implements ProviderKeyStore {
    private final RedisSession redis;

    RedisProviderKeyStore(RedisSession redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public void put(ProviderKeyRecord row) {
        Objects.requireNonNull(row, "row");
        RedisFailures.call("provider key update", () -> redis.commands().hset(ownerKey(row.ownerId()), row.provider(),
                value(row)));
    }

    /**
     * Stores a row unless its (owner, provider) holds one already, in one command ({@code HSETNX}).
     *
     * @param row the row
     * @return true when stored
     */
    boolean putIfAbsent(ProviderKeyRecord row) {
        return RedisFailures.call("provider key copy", () -> redis.commands().hsetnx(ownerKey(row.ownerId()),
                row.provider(), value(row)));
    }

    private static String value(ProviderKeyRecord row) {
        return SealedFields.join(row.sealedKey(), row.updatedAt().toString(), Long.toString(row.budget().limit()),
                row.budget().window().toString());
    }

    @Override
    public Optional<ProviderKeyRecord> find(String ownerId, String provider) {
        Objects.requireNonNull(provider, "provider");
        String value = RedisFailures.call("provider key lookup", () -> redis.commands().hget(ownerKey(ownerId),
                provider));
        return value == null ? Optional.empty() : Optional.of(row(ownerId, provider, value));
    }

    @Override
    public List<ProviderKeyRecord> byOwner(String ownerId) {
        Map<String, String> all = RedisFailures.call("provider key listing",
                () -> redis.commands().hgetall(ownerKey(ownerId)));
        List<ProviderKeyRecord> out = new ArrayList<>(all.size());
        all.forEach((provider, value) -> out.add(row(ownerId, provider, value)));
        out.sort(Comparator.comparing(ProviderKeyRecord::provider));
        return out;
    }

    @Override
    public boolean delete(String ownerId, String provider) {
        Objects.requireNonNull(provider, "provider");
        return RedisFailures.call("provider key deletion", () -> redis.commands().hdel(ownerKey(ownerId), provider))
                == 1L;
    }

    private static ProviderKeyRecord row(String ownerId, String provider, String value) {
        String[] parts = SealedFields.split(value, 3, "provider key " + provider);
        return new ProviderKeyRecord(ownerId, provider, SealedFields.sealed(parts),
                new ProviderBudget(Long.parseLong(parts[1]), Duration.parse(parts[2])), Instant.parse(parts[0]));
    }

    private String ownerKey(String ownerId) {
        return redis.key("provider-keys", Objects.requireNonNull(ownerId, "ownerId"));
    }
}
