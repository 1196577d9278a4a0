package io.hfthot.engine.redis;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.usage.UsageStore;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-subject, per-UTC-day request counters shared by every replica: one Redis integer per subject and day.
 * Durability is Redis's own (RDB/AOF, configured by the operator); the counters never expire, like the lakehouse
 * store's rows.
 *
 * <p><b>Write-behind for requests.</b> {@link #record} (one per admitted REST request) adds to a local pending
 * count and returns without asking Redis; a flusher sends every pending count each {@link #FLUSH_INTERVAL} in one
 * round trip ({@code usage_flush.lua}, up to {@value #MAX_BATCH} counters per call), so a request does not wait for
 * Redis to count it. Counts are never dropped silently:
 * <ul>
 *   <li>a batch is applied at most once and retried until applied: it carries this store's next batch number and
 *       the script ignores a number it has already applied, so a batch whose reply timed out but which reached
 *       Redis is not counted twice when sent again;</li>
 *   <li>fail closed: {@link #record} refuses (the engine's {@code SERVICE_UNAVAILABLE}, a 503) while the last
 *       flush failed, or while a count recorded more than the command timeout plus two flush intervals ago is not
 *       acknowledged (Redis hangs), so what is pending is bounded by that time's worth of requests and an outage
 *       stops unlimited tiers within about that time (limited tiers ask Redis for their rate decision anyway);</li>
 *   <li>{@link #close} flushes; only a crash of the process, or Redis down at close, loses what is pending (at most
 *       one interval's counts, or the bounded lag above; the latter is logged with the number lost).</li>
 * </ul>
 * {@link #add} stays synchronous ({@code INCRBY}, returning the total) and {@link #requests} reads after a flush,
 * so both see this store's own recorded additions.
 */
public final class RedisUsageStore implements UsageStore, AutoCloseable {
    /** How often recorded counts are sent to Redis. */
    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);
    /** Counters per flush script call. */
    static final int MAX_BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(RedisUsageStore.class);
    private static final LuaScript FLUSH = LuaScript.load("usage_flush.lua");
    /** The applied-batch marker outlives any retry of a batch by far (a retry follows within seconds). */
    private static final String APPLIED_TTL_MILLIS = Long.toString(Duration.ofDays(1).toMillis());
    private static final long NONE = Long.MIN_VALUE;

    private final RedisSession redis;
    /** This store's applied-batch marker: batch numbers are per store instance, so per replica and start. */
    private final String appliedKey;
    private final long maxLagNanos;
    /** Recorded, not yet sent. {@code merge} and {@code remove} are atomic per key, so no addition falls between. */
    private final Map<Key, Long> pending = new ConcurrentHashMap<>();
    /** System.nanoTime() of the oldest pending addition, or {@link #NONE}. */
    private final AtomicLong oldestPending = new AtomicLong(NONE);
    private final ScheduledExecutorService flusher;

    /** The batch sent and not yet acknowledged; re-sent as it is until it is. Guarded by {@code this}. */
    private Batch inFlight;
    /** Guarded by {@code this}. */
    private long lastBatch;
    /** System.nanoTime() of the oldest addition in {@link #inFlight}, or {@link #NONE}. */
    private volatile long inFlightSince = NONE;
    /** Why the last flush failed; null once a flush succeeds. */
    private volatile RuntimeException failure;
    private volatile boolean closed;

    private record Key(String subject, long epochDay) {
    }

    private record Batch(String[] keys, String[] args, long since) {
        int counters() {
            return keys.length - 1;
        }
    }

    RedisUsageStore(RedisSession redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.appliedKey = redis.key("usage-batch", UUID.randomUUID().toString());
        this.maxLagNanos = redis.options().commandTimeout().plus(FLUSH_INTERVAL.multipliedBy(2)).toNanos();
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hfthot-redis-usage-flush");
            t.setDaemon(true);
            return t;
        });
        long every = FLUSH_INTERVAL.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public long add(String subject, long epochDay, long delta) {
        validate(subject, delta);
        flush();
        String key = counterKey(new Key(subject, epochDay));
        return RedisFailures.call("usage count", () -> redis.commands().incrby(key, delta));
    }

    /**
     * Counts without a round trip; sent within {@link #FLUSH_INTERVAL}.
     *
     * @throws EngineException SERVICE_UNAVAILABLE when recent counts could not be delivered to Redis (nothing is
     *                         recorded then)
     */
    @Override
    public void record(String subject, long epochDay, long delta) {
        validate(subject, delta);
        refuseWhileBehind();
        if (delta == 0) {
            return;
        }
        long now = System.nanoTime();
        pending.merge(new Key(subject, epochDay), delta, Long::sum);
        markPending(now);
        if (closed) {
            // The closing flush may have run before this addition: send it now rather than leave it behind.
            flush();
        }
    }

    @Override
    public long requests(String subject, long epochDay) {
        Objects.requireNonNull(subject, "subject");
        flush();
        String value = RedisFailures.call("usage read", () -> redis.commands().get(counterKey(new Key(subject,
                epochDay))));
        return value == null ? 0 : Long.parseLong(value);
    }

    /**
     * Sends every count recorded so far (and a batch still unacknowledged), in as many round trips as batches.
     *
     * @throws EngineException SERVICE_UNAVAILABLE when Redis did not acknowledge; the counts stay pending
     */
    public synchronized void flush() {
        // Bounded so that a steady stream of new counts cannot keep a caller here: what arrives meanwhile waits for
        // the next flush.
        int rounds = pending.size() / MAX_BATCH + 2;
        for (int i = 0; i < rounds && (inFlight != null || !pending.isEmpty()); i++) {
            flushOnce();
        }
    }

    /** Stops the flusher and sends what is pending; logs what could not be sent. */
    @Override
    public void close() {
        closed = true;
        flusher.shutdown();
        try {
            if (!flusher.awaitTermination(redis.options().commandTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
                LOG.warn("the usage flusher did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush();
        } catch (EngineException e) {
            LOG.warn("{} request counts could not be written to Redis at close and are lost: {}", unsent(),
                    e.getMessage());
        }
    }

    private synchronized long unsent() {
        long n = pending.values().stream().mapToLong(Long::longValue).sum();
        if (inFlight != null) {
            for (int i = 2; i < inFlight.args().length; i++) {
                n += Long.parseLong(inFlight.args()[i]);
            }
        }
        return n;
    }

    private void refuseWhileBehind() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw RedisFailures.unavailable("usage count", failed);
        }
        if (closed) {
            throw RedisFailures.unavailable("usage count", new IllegalStateException("the usage store is closed"));
        }
        long now = System.nanoTime();
        long since = older(inFlightSince, oldestPending.get());
        if (since != NONE && now - since > maxLagNanos) {
            throw RedisFailures.unavailable("usage count", new IllegalStateException("counts recorded "
                    + TimeUnit.NANOSECONDS.toMillis(now - since) + " ms ago are not acknowledged yet"));
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (EngineException e) {
            // Already recorded in `failure` (which refuses new counts) and logged when the outage began; retried on
            // the next tick.
        } catch (RuntimeException e) {
            // Keep the schedule alive whatever happens: a dead flusher would refuse every request after the lag.
            LOG.error("usage flush failed unexpectedly", e);
        }
    }

    private synchronized void flushOnce() {
        if (inFlight == null) {
            inFlight = nextBatch();
            if (inFlight == null) {
                return;
            }
            inFlightSince = inFlight.since();
        }
        Batch batch = inFlight;
        try {
            RedisFailures.call("usage count", () -> FLUSH.run(redis.commands(), ScriptOutputType.INTEGER,
                    batch.keys(), batch.args()));
        } catch (EngineException e) {
            if (failure == null) {
                LOG.warn("usage counts cannot be written to Redis; requests are refused until they can: {}",
                        e.getMessage());
            }
            failure = (RuntimeException) e.getCause();
            throw e;
        }
        inFlight = null;
        inFlightSince = NONE;
        if (failure != null) {
            LOG.info("usage counts are written to Redis again");
            failure = null;
        }
    }

    /** Takes up to {@link #MAX_BATCH} pending counters out of the map into a numbered batch; null when none. */
    private Batch nextBatch() {
        long since = oldestPending.getAndSet(NONE);
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        keys.add(appliedKey);
        args.add(Long.toString(lastBatch + 1));
        args.add(APPLIED_TTL_MILLIS);
        for (Key k : pending.keySet()) {
            if (keys.size() > MAX_BATCH) {
                // The rest stays pending, as old as the oldest taken (conservative for the lag check).
                markPending(since == NONE ? System.nanoTime() : since);
                break;
            }
            Long delta = pending.remove(k);
            if (delta != null) {
                keys.add(counterKey(k));
                args.add(delta.toString());
            }
        }
        if (keys.size() == 1) {
            return null;
        }
        lastBatch++;
        return new Batch(keys.toArray(String[]::new), args.toArray(String[]::new),
                since == NONE ? System.nanoTime() : since);
    }

    /** Lowers the oldest-pending mark to {@code t} unless an older one is set. */
    private void markPending(long t) {
        oldestPending.accumulateAndGet(t, RedisUsageStore::older);
    }

    private static long older(long a, long b) {
        if (a == NONE) {
            return b;
        }
        if (b == NONE) {
            return a;
        }
        return a - b <= 0 ? a : b;
    }

    private static void validate(String subject, long delta) {
        Objects.requireNonNull(subject, "subject");
        if (delta < 0) {
            throw new IllegalArgumentException("delta must be >= 0, got " + delta);
        }
    }

    private String counterKey(Key k) {
        return redis.key("usage", k.epochDay() + ":" + k.subject());
    }
}
