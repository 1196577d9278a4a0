package io.hfthot.engine.redis;

import io.hfthot.engine.hub.auth.HubApiKeyRecord;
import io.hfthot.engine.hub.auth.HubUser;
import io.hfthot.engine.hub.secrets.StoredSecret;
import io.hfthot.engine.hub.store.LakehouseHubApiKeyStore;
import io.hfthot.engine.hub.store.LakehouseHubUserStore;
import io.hfthot.engine.hub.store.LakehouseSecretStore;
import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.lakehouse.LakehouseApiKeyStore;
import io.hfthot.engine.identity.lakehouse.LakehouseProviderKeyStore;
import io.hfthot.engine.usage.provider.ProviderKeyRecord;
import io.hfthot.lakehouse.Lakehouse;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Copies the identity rows a data directory held before its servers were switched to Redis (API keys, hub users,
 * hub API keys, sealed secrets, sealed provider keys, from their lakehouse tables) into Redis, once per Redis
 * namespace, so that keys, logins and secrets made by a single server keep working on the replicas.
 *
 * <p>Safe to run from several replicas at once and to interrupt: every row is copied only where Redis holds none
 * (a key, user or fingerprint already there, or a secret already set there, wins), rows keep their fingerprints,
 * hashes and sealed bytes unchanged (nothing is decrypted; the replicas share the data directory's master key), and
 * the marker {@code carried-over:lakehouse} is set only after a complete copy. Once it is set, later starts copy
 * nothing, so a row deleted or revoked in Redis is never brought back from the lakehouse. The lakehouse tables are
 * read only, and a missing table is skipped rather than created.
 */
public final class LakehouseCarryOver {
    private final RedisSession redis;

    LakehouseCarryOver(RedisSession redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /**
     * Rows copied into Redis (rows Redis already held are not counted).
     *
     * @param apiKeys      API keys, active and revoked
     * @param hubUsers     hub users
     * @param hubApiKeys   hub API keys, active and revoked
     * @param secrets      sealed hub secrets
     * @param providerKeys sealed provider keys
     */
    public record Copied(int apiKeys, int hubUsers, int hubApiKeys, int secrets, int providerKeys) {
        /**
         * Returns the number of rows copied.
         *
         * @return the sum
         */
        public int total() {
            return apiKeys + hubUsers + hubApiKeys + secrets + providerKeys;
        }
    }

    /**
     * Copies the rows unless an earlier start completed the copy.
     *
     * @param lakehouse the data directory's lakehouse
     * @return what was copied, or empty when the copy was done before
     * @throws io.hfthot.engine.EngineException SERVICE_UNAVAILABLE when Redis cannot be reached (nothing is marked)
     */
    Optional<Copied> copyOnce(Lakehouse lakehouse) {
        Objects.requireNonNull(lakehouse, "lakehouse");
        String marker = redis.key("carried-over", "lakehouse");
        if (RedisFailures.call("carry-over check", () -> redis.commands().get(marker)) != null) {
            return Optional.empty();
        }
        int apiKeys = 0;
        if (lakehouse.exists(LakehouseApiKeyStore.TABLE)) {
            RedisApiKeyStore to = new RedisApiKeyStore(redis);
            for (ApiKeyRecord row : LakehouseApiKeyStore.open(lakehouse).all()) {
                apiKeys += insertIfAbsent(to::insert, row);
            }
        }
        int users = 0;
        if (lakehouse.exists(LakehouseHubUserStore.TABLE)) {
            RedisHubUserStore to = new RedisHubUserStore(redis);
            for (HubUser user : LakehouseHubUserStore.open(lakehouse).all()) {
                users += insertIfAbsent(to::insert, user);
            }
        }
        int hubKeys = 0;
        if (lakehouse.exists(LakehouseHubApiKeyStore.TABLE)) {
            RedisHubApiKeyStore to = new RedisHubApiKeyStore(redis);
            for (HubApiKeyRecord row : LakehouseHubApiKeyStore.open(lakehouse).all()) {
                hubKeys += insertIfAbsent(to::insert, row);
            }
        }
        int secrets = 0;
        if (lakehouse.exists(LakehouseSecretStore.TABLE)) {
            RedisSecretStore to = new RedisSecretStore(redis);
            for (StoredSecret row : LakehouseSecretStore.open(lakehouse).all()) {
                secrets += to.putIfAbsent(row) ? 1 : 0;
            }
        }
        int providerKeys = 0;
        if (lakehouse.exists(LakehouseProviderKeyStore.TABLE)) {
            RedisProviderKeyStore to = new RedisProviderKeyStore(redis);
            for (ProviderKeyRecord row : LakehouseProviderKeyStore.open(lakehouse).all()) {
                providerKeys += to.putIfAbsent(row) ? 1 : 0;
            }
        }
        String done = Instant.now().toString();
        RedisFailures.call("carry-over mark", () -> redis.commands().set(marker, done));
        return Optional.of(new Copied(apiKeys, users, hubKeys, secrets, providerKeys));
    }

    /** Inserts a row; a row (or unique value) Redis already holds wins, which the stores report as taken. */
    private static <T> int insertIfAbsent(Consumer<T> insert, T row) {
        try {
            insert.accept(row);
            return 1;
        } catch (IllegalStateException taken) {
            return 0;
        }
    }
}
