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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Copies the identity rows a data directory held before its servers were switched to Redis (API keys, hub users,
 * hub API keys, sealed secrets, sealed provider keys, from their lakehouse tables) into Redis, once per Redis
 * namespace, so that keys, logins and secrets made by a single server keep working on the replicas.
 *
 * <p>Safe to run from several replicas at once and to interrupt: every row is copied only where Redis holds none
 * (a key, user or fingerprint already there, or a secret already set there, wins), rows keep their fingerprints,
 * hashes and sealed bytes unchanged (nothing is decrypted; the replicas share the data directory's master key), and
 * the copy is marked done only once complete: in Redis ({@code carried-over:lakehouse}) and in a file of the data
 * directory. Once either is set, later starts copy nothing, so a row revoked or deleted through a replica is never
 * brought back from the lakehouse, not even after Redis lost its data (the file remains). The lakehouse tables are
 * read only, and a missing table is skipped rather than created.
 */
public final class LakehouseCarryOver {
    private final RedisSession redis;

    LakehouseCarryOver(RedisSession redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** Whether this start copied. */
    public enum Status {
        /** Copied now (the counts say how many rows were new to Redis). */
        COPIED,
        /** Redis holds the marker of an earlier complete copy: nothing copied. */
        DONE_BEFORE,
        /**
         * The data directory's marker file says its rows were copied to a Redis before, but this Redis holds no
         * marker (it lost its data, or it is another Redis): nothing copied, because rows revoked or deleted since
         * that copy would come back. Deleting the file allows a new copy.
         */
        COPIED_BEFORE_ELSEWHERE
    }

    /**
     * What a start did; counts are rows copied into Redis (rows Redis already held are not counted).
     *
     * @param status       whether it copied
     * @param apiKeys      API keys, active and revoked
     * @param hubUsers     hub users
     * @param hubApiKeys   hub API keys, active and revoked
     * @param secrets      sealed hub secrets
     * @param providerKeys sealed provider keys
     */
    public record Copied(Status status, int apiKeys, int hubUsers, int hubApiKeys, int secrets, int providerKeys) {
        /** Checks the status is present and the counts are not negative. */
        public Copied {
            Objects.requireNonNull(status, "status");
            if ((apiKeys | hubUsers | hubApiKeys | secrets | providerKeys) < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
        }

        private static Copied nothing(Status status) {
            return new Copied(status, 0, 0, 0, 0, 0);
        }

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
     * @param doneFile  the data directory's marker file, written after a complete copy
     * @return what this start did
     * @throws io.hfthot.engine.EngineException SERVICE_UNAVAILABLE when Redis cannot be reached (nothing is marked)
     * @throws UncheckedIOException             when the marker file cannot be read or written
     */
    Copied copyOnce(Lakehouse lakehouse, Path doneFile) {
        Objects.requireNonNull(lakehouse, "lakehouse");
        Objects.requireNonNull(doneFile, "doneFile");
        String marker = redis.key("carried-over", "lakehouse");
        if (RedisFailures.call("carry-over check", () -> redis.commands().get(marker)) != null) {
            return Copied.nothing(Status.DONE_BEFORE);
        }
        if (Files.exists(doneFile)) {
            return Copied.nothing(Status.COPIED_BEFORE_ELSEWHERE);
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
        // Time of day for operators reading the marker, not business time: no injected clock.
        String done = Instant.now().toString();
        RedisFailures.call("carry-over mark", () -> redis.commands().set(marker, done));
        try {
            Files.writeString(doneFile, "identity rows of this data directory copied to Redis " + redis.options().uri()
                    .replaceAll("//[^@/]*@", "//***@") + " (namespace " + redis.options().namespace() + ") at " + done
                    + "\nkeep this file: it stops a later start from copying them again\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + doneFile, e);
        }
        return new Copied(Status.COPIED, apiKeys, users, hubKeys, secrets, providerKeys);
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
