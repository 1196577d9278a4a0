package io.hfthot.engine.redis;

import io.hfthot.engine.hub.secrets.SecretScope;
import io.hfthot.engine.hub.secrets.SecretStore;
import io.hfthot.engine.hub.secrets.StoredSecret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Users' and agents' sealed secrets shared by every replica: one hash per scope
 * ({@code hub-secrets:<scope key>}), one field per key name holding the update time and the sealed bytes. The
 * {@code SecretVault} seals values with the engine's sealer (the data directory's master key, which the replicas
 * share) before they reach this store, so Redis holds ciphertext only; this store holds no key and never decrypts.
 * Each call is one Redis command, so a put, a delete or a read is atomic; nothing is cached.
 */
public final class RedisSecretStore implements SecretStore {
    private final RedisSession redis;

    RedisSecretStore(RedisSession redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public void put(StoredSecret secret) {
        Objects.requireNonNull(secret, "secret");
        RedisFailures.call("secret update", () -> redis.commands().hset(scopeKey(secret.scope()), secret.keyName(),
                value(secret)));
    }

    /**
     * Stores a row unless its (scope, key name) holds one already, in one command ({@code HSETNX}).
     *
     * @param secret the row
     * @return true when stored
     */
    boolean putIfAbsent(StoredSecret secret) {
        return RedisFailures.call("secret copy", () -> redis.commands().hsetnx(scopeKey(secret.scope()),
                secret.keyName(), value(secret)));
    }

    private static String value(StoredSecret secret) {
        return SealedFields.join(secret.sealed(), secret.updatedAt().toString());
    }

    @Override
    public Optional<StoredSecret> find(SecretScope scope, String keyName) {
        Objects.requireNonNull(keyName, "keyName");
        String value = RedisFailures.call("secret lookup", () -> redis.commands().hget(scopeKey(scope), keyName));
        return value == null ? Optional.empty() : Optional.of(row(scope, keyName, value));
    }

    @Override
    public List<StoredSecret> list(SecretScope scope) {
        Map<String, String> all = RedisFailures.call("secret listing", () -> redis.commands().hgetall(scopeKey(scope)));
        List<StoredSecret> out = new ArrayList<>(all.size());
        all.forEach((name, value) -> out.add(row(scope, name, value)));
        out.sort(Comparator.comparing(StoredSecret::keyName));
        return out;
    }

    @Override
    public boolean delete(SecretScope scope, String keyName) {
        Objects.requireNonNull(keyName, "keyName");
        return RedisFailures.call("secret deletion", () -> redis.commands().hdel(scopeKey(scope), keyName)) == 1L;
    }

    private static StoredSecret row(SecretScope scope, String keyName, String value) {
        String[] parts = SealedFields.split(value, 1, "secret " + keyName);
        return new StoredSecret(scope, keyName, SealedFields.sealed(parts), Instant.parse(parts[0]));
    }

    private String scopeKey(SecretScope scope) {
        return redis.key("hub-secrets", Objects.requireNonNull(scope, "scope").key());
    }
}
