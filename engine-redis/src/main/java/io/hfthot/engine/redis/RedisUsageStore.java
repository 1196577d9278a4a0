package io.hfthot.engine.redis;

import io.hfthot.engine.usage.UsageStore;
import java.util.Objects;

/**
 * Per-subject, per-UTC-day request counters shared by every replica: one Redis integer per subject and day,
 * added to with {@code INCRBY} (atomic, returns the new total). Durability is Redis's own (RDB/AOF, configured by
 * the operator); the counters never expire, like the lakehouse store's rows.
 */
public final class RedisUsageStore implements UsageStore {
    private final RedisSession redis;

    RedisUsageStore(RedisSession redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public long add(String subject, long epochDay, long delta) {
        Objects.requireNonNull(subject, "subject");
        if (delta < 0) {
            throw new IllegalArgumentException("delta must be >= 0, got " + delta);
        }
        String key = key(subject, epochDay);
        return RedisFailures.call("usage count", () -> redis.commands().incrby(key, delta));
    }

    @Override
    public long requests(String subject, long epochDay) {
        Objects.requireNonNull(subject, "subject");
        String value = RedisFailures.call("usage read", () -> redis.commands().get(key(subject, epochDay)));
        return value == null ? 0 : Long.parseLong(value);
    }

    private String key(String subject, long epochDay) {
        return redis.key("usage", epochDay + ":" + subject);
    }
}
