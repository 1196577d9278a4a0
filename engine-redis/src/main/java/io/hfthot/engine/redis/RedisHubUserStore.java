package io.hfthot.engine.redis;

import io.hfthot.engine.hub.auth.HubUser;
import io.hfthot.engine.hub.auth.HubUserStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hub users shared by every replica: one hash per user id ({@code hub-user:<id>}: email, argon2id hash, creation
 * time) and one string per normalised email pointing at the id ({@code hub-email:<email>}). A registration writes
 * both in one Lua script that refuses a taken id or email, so of two replicas registering one email exactly one
 * succeeds. Nothing is cached: a user registered on one replica logs in on every other at once. Holds password
 * hashes only, never a password.
 */
public final class RedisHubUserStore implements HubUserStore {
    private final RedisSession redis;
    private final HashRows rows;

    RedisHubUserStore(RedisSession redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.rows = new HashRows(redis, "hub user");
    }

    @Override
    public void insert(HubUser user) {
        Objects.requireNonNull(user, "user");
        HashRows.Fields fields = new HashRows.Fields().put("email", user.email()).put("hash", user.passwordHash())
                .put("created", user.createdAt());
        if (!rows.insertUnique(rowKey(user.userId()), user.userId(), List.of(emailKey(user.email())), fields)) {
            throw new IllegalStateException("a hub user with id " + user.userId() + " or email " + user.email()
                    + " exists");
        }
    }

    @Override
    public Optional<HubUser> findByEmail(String normalisedEmail) {
        Objects.requireNonNull(normalisedEmail, "normalisedEmail");
        String id = rows.value(emailKey(normalisedEmail));
        return id == null ? Optional.empty() : findById(id);
    }

    @Override
    public Optional<HubUser> findById(String userId) {
        Objects.requireNonNull(userId, "userId");
        Map<String, String> f = rows.get(rowKey(userId));
        if (f.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HubUser(userId, f.get("email"), f.get("hash"), Instant.parse(f.get("created"))));
    }

    private String rowKey(String userId) {
        return redis.key("hub-user", userId);
    }

    private String emailKey(String email) {
        return redis.key("hub-email", email);
    }
}
