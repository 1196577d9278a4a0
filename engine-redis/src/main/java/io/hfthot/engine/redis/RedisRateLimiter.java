package io.hfthot.engine.redis;

import io.hfthot.engine.quota.RateLimitResult;
import io.hfthot.engine.quota.RateLimiter;
import io.lettuce.core.ScriptOutputType;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exact sliding-window {@link RateLimiter} shared by every replica: each bucket is a log of admitted event
 * times in Redis and each decision is one Lua script ({@code sliding_window.lua}, one round trip), so no two
 * replicas can both take the last slot of a window.
 *
 * <p>Same contract as the in-memory {@code SlidingLogRateLimiter}: the window is {@code (now - window, now]},
 * a caller's time earlier than the bucket's latest recorded time is judged at that latest time, refused events
 * are not recorded and {@link #peek} records nothing. Times must lie between 1970 and 2286. When Redis cannot
 * be asked the call throws the engine's {@code SERVICE_UNAVAILABLE}: nothing is admitted unmetered.
 */
public final class RedisRateLimiter implements RateLimiter {
    private static final LuaScript SCRIPT = LuaScript.load("sliding_window.lua");
    /** Keys outlive the window by this much so a bucket's latest time survives brief idleness. */
    private static final long TTL_MARGIN_MILLIS = 60_000;

    private final RedisSession redis;
    /**
     * Member suffixes: this limiter's random id (64 bits, as hex) and a counter, unique across replicas. Short,
     * because every member of a full window is compared and stored (2,000 per Professional account).
     */
    private final String instanceId = Long.toHexString(new SecureRandom().nextLong());
    private final AtomicLong counter = new AtomicLong();

    RedisRateLimiter(RedisSession redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public RateLimitResult tryAcquire(String bucket, long limit, Duration window, Instant now) {
        return decide(bucket, limit, window, now, true);
    }

    @Override
    public RateLimitResult peek(String bucket, long limit, Duration window, Instant now) {
        return decide(bucket, limit, window, now, false);
    }

    private RateLimitResult decide(String bucket, long limit, Duration window, Instant now, boolean record) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(now, "now");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        SortableTime.encode(now);
        long ttl = window.toMillis() + TTL_MARGIN_MILLIS;
        String[] keys = {redis.key("rate", bucket)};
        List<Object> reply = RedisFailures.call("rate limit decision", () -> SCRIPT.run(redis.commands(),
                ScriptOutputType.MULTI, keys,
                Long.toString(now.getEpochSecond()), Integer.toString(now.getNano()),
                Long.toString(window.getSeconds()), Integer.toString(window.getNano()), Long.toString(limit),
                record ? "1" : "0", instanceId + '-' + counter.incrementAndGet(), Long.toString(ttl)));
        boolean allowed = (Long) reply.get(0) == 1L;
        long count = (Long) reply.get(1);
        String oldest = (String) reply.get(2);
        Instant judgedAt = SortableTime.decode((String) reply.get(3));
        Instant reset = oldest.isEmpty() ? judgedAt : SortableTime.decode(oldest).plus(window);
        return new RateLimitResult(allowed, limit, allowed ? limit - count : 0, ceilEpochSecond(reset));
    }

    private static long ceilEpochSecond(Instant t) {
        return t.getNano() == 0 ? t.getEpochSecond() : t.getEpochSecond() + 1;
    }
}
