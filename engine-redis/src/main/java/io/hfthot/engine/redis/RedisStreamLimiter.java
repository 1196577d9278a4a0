package io.hfthot.engine.redis;

import io.hfthot.engine.quota.StreamLease;
import io.hfthot.engine.quota.StreamLimiter;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open-stream counts shared by every replica: per subject, a Redis sorted set of lease ids scored by expiry.
 * Opening is one Lua script (drop expired leases, compare with the maximum, add), so replicas together never hold
 * more than the maximum. Leases have a time to live that this replica refreshes every third of it while they are
 * open; the slots of a replica that dies free themselves when its leases expire.
 *
 * <p>Fail closed: {@link #tryOpen} and {@link #active} throw {@code SERVICE_UNAVAILABLE} when Redis cannot be
 * asked. Closing a lease while Redis is down is logged and the slot frees itself at expiry.
 */
public final class RedisStreamLimiter implements StreamLimiter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisStreamLimiter.class);
    private static final LuaScript OPEN = LuaScript.load("stream_open.lua");
    private static final LuaScript ACTIVE = LuaScript.load("stream_active.lua");
    private static final LuaScript REFRESH = LuaScript.load("stream_refresh.lua");

    private final RedisSession redis;
    private final Duration ttl;
    private final String instanceId = UUID.randomUUID().toString();
    private final AtomicLong counter = new AtomicLong();
    /** This replica's open leases, by subject, for the refresher. */
    private final Map<String, Set<String>> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher;

    RedisStreamLimiter(RedisSession redis, Duration ttl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("stream lease ttl must be at least 1s, got " + ttl);
        }
        this.ttl = ttl;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hfthot-redis-stream-leases");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, ttl.toMillis() / 3);
        refresher.scheduleWithFixedDelay(this::refreshAll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<StreamLease> tryOpen(String subject, int max) {
        Objects.requireNonNull(subject, "subject");
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        String id = instanceId + '-' + counter.incrementAndGet();
        Long opened = RedisFailures.call("stream count", () -> OPEN.run(redis.commands(), ScriptOutputType.INTEGER,
                new String[] {key(subject)}, id, Integer.toString(max), Long.toString(ttl.toMillis())));
        if (opened != 1L) {
            return Optional.empty();
        }
        open.compute(subject, (k, ids) -> {
            Set<String> held = ids == null ? ConcurrentHashMap.newKeySet() : ids;
            held.add(id);
            return held;
        });
        return Optional.of(new Lease(subject, id));
    }

    @Override
    public int active(String subject) {
        Objects.requireNonNull(subject, "subject");
        Long n = RedisFailures.call("stream count",
                () -> ACTIVE.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {key(subject)}));
        return n.intValue();
    }

    private void refreshAll() {
        for (Map.Entry<String, Set<String>> e : open.entrySet()) {
            List<String> ids = List.copyOf(e.getValue());
            if (ids.isEmpty()) {
                continue;
            }
            String[] args = new String[ids.size() + 1];
            args[0] = Long.toString(ttl.toMillis());
            for (int i = 0; i < ids.size(); i++) {
                args[i + 1] = ids.get(i);
            }
            try {
                REFRESH.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {key(e.getKey())}, args);
            } catch (RedisException ex) {
                LOG.warn("cannot refresh {} stream leases of {} in Redis; they expire in {} unless Redis returns",
                        ids.size(), e.getKey(), ttl, ex);
            }
        }
    }

    private String key(String subject) {
        return redis.key("streams", subject);
    }

    /** Stops refreshing; leases still open expire in Redis after their time to live. */
    @Override
    public void close() {
        refresher.shutdownNow();
    }

    private final class Lease implements StreamLease {
        private final String subject;
        private final String id;
        private final AtomicBoolean closed = new AtomicBoolean();

        Lease(String subject, String id) {
            this.subject = subject;
            this.id = id;
        }

        @Override
        public String subject() {
            return subject;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            open.computeIfPresent(subject, (k, ids) -> {
                ids.remove(id);
                return ids.isEmpty() ? null : ids;
            });
            try {
                redis.commands().zrem(key(subject), id);
            } catch (RedisException e) {
                LOG.warn("cannot free a stream slot of {} in Redis; it frees itself within {}", subject, ttl, e);
            }
        }
    }
}
