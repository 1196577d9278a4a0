package io.hfthot.engine.redis;

import io.hfthot.engine.hub.auth.HubApiKeyRecord;
import io.hfthot.engine.hub.auth.HubApiKeyStore;
import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hub API keys ({@code X-API-Key}) shared by every replica: one hash per SHA-256 fingerprint
 * ({@code hub-key:<sha256>}) and a set of fingerprints per user. Holds fingerprints only, never a key.
 *
 * <p>Visibility: nothing is cached, so a key created on one replica authenticates on every other at once, and a key
 * revoked (regenerated away) on one replica is refused by every other from the next request on. Revoking a user's
 * keys is one Lua script, so it is atomic and keeps the first revocation time of keys already revoked.
 */
public final class RedisHubApiKeyStore implements HubApiKeyStore {
    /** Creation order; equal times are ordered by fingerprint so the order is the same on every replica. */
    private static final Comparator<HubApiKeyRecord> CREATION_ORDER = Comparator
            .comparing(HubApiKeyRecord::createdAt).thenComparing(r -> r.fingerprint().toHex());

    private final RedisSession redis;
    private final HashRows rows;

    RedisHubApiKeyStore(RedisSession redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.rows = new HashRows(redis, "hub API key");
    }

    @Override
    public void insert(HubApiKeyRecord row) {
        Objects.requireNonNull(row, "row");
        String fp = row.fingerprint().toHex();
        HashRows.Fields fields = new HashRows.Fields().put("user", row.userId()).put("hint", row.hint())
                .put("created", row.createdAt()).put("revoked", row.revokedAt());
        if (!rows.insert(rowKey(fp), fp, List.of(userKey(row.userId())), fields)) {
            throw new IllegalStateException("a hub API key with fingerprint " + row.fingerprint() + " exists");
        }
    }

    @Override
    public Optional<HubApiKeyRecord> find(Fingerprint fingerprint) {
        return read(fingerprint.toHex());
    }

    @Override
    public int revokeUser(String userId, Instant at) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
        return rows.revokeMembers(userKey(userId), rowKey(""), at);
    }

    @Override
    public List<HubApiKeyRecord> byUser(String userId) {
        Objects.requireNonNull(userId, "userId");
        List<HubApiKeyRecord> out = new ArrayList<>();
        for (String fp : rows.ids(userKey(userId))) {
            read(fp).ifPresent(out::add);
        }
        out.sort(CREATION_ORDER);
        return out;
    }

    private Optional<HubApiKeyRecord> read(String fpHex) {
        Map<String, String> f = rows.get(rowKey(fpHex));
        if (f.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HubApiKeyRecord(Fingerprint.fromHex(fpHex), f.get("user"), f.get("hint"),
                Instant.parse(f.get("created")), HashRows.instant(f.get("revoked"))));
    }

    private String rowKey(String fpHex) {
        return redis.key("hub-key", fpHex);
    }

    private String userKey(String userId) {
        return redis.key("hub-key-user", userId);
    }
}
