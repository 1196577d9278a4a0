package io.hfthot.engine.redis;

import io.hfthot.engine.hub.auth.RefreshTokenRecord;
import io.hfthot.engine.hub.auth.RefreshTokenStore;
import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hub refresh tokens shared by every replica: one hash per token fingerprint plus a set of fingerprints per family
 * and per user. One-time use is a Lua compare-and-set, so of concurrent refreshes on several replicas exactly one
 * wins; revocations keep the first time.
 */
public final class RedisRefreshTokenStore implements RefreshTokenStore {
    private final RedisSession redis;
    private final HashRows rows;

    RedisRefreshTokenStore(RedisSession redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.rows = new HashRows(redis, "refresh token");
    }

    @Override
    public void insert(RefreshTokenRecord row) {
        Objects.requireNonNull(row, "row");
        String fp = row.fingerprint().toHex();
        HashRows.Fields fields = new HashRows.Fields().put("user", row.userId()).put("family", row.familyId())
                .put("issued", row.issuedAt()).put("expires", row.expiresAt()).put("used", row.usedAt())
                .put("revoked", row.revokedAt());
        if (!rows.insert(rowKey(fp), fp, List.of(redis.key("rt-family", row.familyId()), redis.key("rt-user", row.userId())),
                fields)) {
            throw new IllegalStateException("a refresh token with fingerprint " + row.fingerprint() + " exists");
        }
    }

    @Override
    public Optional<RefreshTokenRecord> find(Fingerprint fingerprint) {
        Map<String, String> f = rows.get(rowKey(fingerprint.toHex()));
        if (f.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RefreshTokenRecord(fingerprint, f.get("user"), f.get("family"),
                Instant.parse(f.get("issued")), Instant.parse(f.get("expires")), HashRows.instant(f.get("used")),
                HashRows.instant(f.get("revoked"))));
    }

    @Override
    public boolean markUsed(Fingerprint fingerprint, Instant at) {
        Objects.requireNonNull(at, "at");
        return rows.setOnce(rowKey(fingerprint.toHex()), "used", at.toString(), "revoked") == 1;
    }

    @Override
    public int revokeFamily(String familyId, Instant at) {
        Objects.requireNonNull(familyId, "familyId");
        return rows.revokeMembers(redis.key("rt-family", familyId), redis.key("rt", ""), at);
    }

    @Override
    public int revokeUser(String userId, Instant at) {
        Objects.requireNonNull(userId, "userId");
        return rows.revokeMembers(redis.key("rt-user", userId), redis.key("rt", ""), at);
    }

    private String rowKey(String fpHex) {
        return redis.key("rt", fpHex);
    }
}
