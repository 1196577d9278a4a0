package io.hfthot.engine.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named lease in Redis that at most one replica holds at a time, renewed by its holder and taken over by
 * another replica when the holder stops renewing (it died or lost Redis). The reference server uses one for the
 * market writer: only the holder runs the simulator and writes {@code market.*}.
 *
 * <p>Mechanics: the lease is a key set with {@code SET NX PX ttl} to the holder's id; the holder renews it every
 * fifth of the time to live with a compare-and-expire script and gives it up on {@link #close()} with a
 * compare-and-delete script. A holder that could not renew for half the time to live (measured on its own
 * monotonic clock) considers the lease lost and says so before the key can expire, so two replicas never both
 * believe they hold it. Takeover after a holder dies takes at most the time to live plus one check period.
 *
 * <p>Listener calls come from the lease's own thread, one at a time, {@code acquired} and {@code lost}
 * alternating.
 */
public final class RedisLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLease.class);
    private static final LuaScript RENEW = LuaScript.load("lease_renew.lua");
    private static final LuaScript RELEASE = LuaScript.load("lease_release.lua");

    /** Hears about the lease changing hands on this replica. */
    public interface Listener {
        /** This replica now holds the lease. */
        void acquired();

        /** This replica no longer holds the lease (lost or given up); stop the guarded work now. */
        void lost();
    }

    private final RedisSession redis;
    private final String key;
    private final String holderId;
    private final Duration ttl;
    private final Listener listener;
    private final ScheduledExecutorService timer;
    private final java.util.concurrent.CountDownLatch firstCheck = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean held;
    private long lastRenewNanos;

    RedisLease(RedisSession redis, String name, String holderId, Duration ttl, Listener listener) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.key = redis.key("lease", Objects.requireNonNull(name, "name"));
        if (holderId == null || holderId.isBlank()) {
            throw new IllegalArgumentException("lease holder id must not be blank, got '" + holderId + "'");
        }
        this.holderId = holderId;
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("lease ttl must be at least 1s, got " + ttl);
        }
        this.ttl = ttl;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hfthot-redis-lease-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts competing for the lease: a first attempt now, then every fifth of the time to live. */
    void start() {
        timer.scheduleWithFixedDelay(this::check, 0, ttl.toMillis() / 5, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            if (held) {
                renew();
            } else {
                tryAcquire();
            }
        } catch (RuntimeException e) {
            LOG.error("lease {} check failed unexpectedly", key, e);
        } finally {
            firstCheck.countDown();
        }
    }

    /**
     * Waits for the first attempt to take the lease, so a replica starting alone knows it is the holder before it
     * starts its guarded work.
     *
     * @param timeout the longest wait
     * @return whether the first attempt completed in time
     * @throws InterruptedException when interrupted
     */
    public boolean awaitFirstCheck(Duration timeout) throws InterruptedException {
        return firstCheck.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tryAcquire() {
        String ok;
        try {
            ok = redis.commands().set(key, holderId, SetArgs.Builder.nx().px(ttl.toMillis()));
        } catch (RuntimeException e) {
            // Redis unreachable: nobody can take the lease now; try again next period.
            return;
        }
        if ("OK".equals(ok)) {
            lastRenewNanos = System.nanoTime();
            held = true;
            LOG.info("this replica ({}) now holds lease {}", holderId, key);
            listener.acquired();
        }
    }

    private void renew() {
        boolean renewed;
        try {
            renewed = RENEW.<Long>run(redis.commands(), ScriptOutputType.INTEGER, new String[] {key}, holderId,
                    Long.toString(ttl.toMillis())) == 1L;
        } catch (RuntimeException e) {
            // Any failure to confirm the lease (Redis down, connection closed) counts as not renewed.
            if (System.nanoTime() - lastRenewNanos < ttl.toNanos() / 2) {
                return;
            }
            LOG.warn("lease {} not renewed for half its time to live ({}); giving it up", key, e.getMessage());
            renewed = false;
        }
        if (renewed) {
            lastRenewNanos = System.nanoTime();
            return;
        }
        held = false;
        LOG.warn("this replica ({}) lost lease {}", holderId, key);
        listener.lost();
    }

    /**
     * Tells whether this replica holds the lease, as of its last check.
     *
     * @return true while held
     */
    public boolean isHeld() {
        return held;
    }

    /**
     * Reads who holds the lease now.
     *
     * @return the holder's id, or empty when nobody does
     * @throws io.hfthot.engine.EngineException SERVICE_UNAVAILABLE when Redis cannot be asked
     */
    public Optional<String> holder() {
        return Optional.ofNullable(RedisFailures.call("lease lookup", () -> redis.commands().get(key)));
    }

    /** Stops competing and gives the lease up when held (so another replica takes over at once). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (held) {
            held = false;
            try {
                RELEASE.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {key}, holderId);
            } catch (RedisException e) {
                LOG.warn("cannot release lease {} ({}); it expires within {}", key, e.getMessage(), ttl);
            }
            listener.lost();
        }
    }
}
