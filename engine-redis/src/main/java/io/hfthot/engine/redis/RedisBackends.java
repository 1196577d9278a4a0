package io.hfthot.engine.redis;

import io.hfthot.engine.EngineBuilder;
import io.hfthot.engine.EngineException;
import io.hfthot.lakehouse.Lakehouse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Redis implementations of the engine SPIs over one connection: the entry point of this module.
 *
 * <pre>{@code
 * try (RedisBackends redis = RedisBackends.connect(RedisOptions.of("redis://127.0.0.1:6379"))) {
 *     Engine engine = redis.applyTo(Engine.builder()).eventBus(redis.eventBus(clock, codec, 2)).build();
 * }
 * }</pre>
 * Every store fails closed: while Redis cannot be asked their calls throw the engine's
 * {@code SERVICE_UNAVAILABLE} (503 on the HTTP surfaces). Close the backends after the engine that uses them.
 */
public final class RedisBackends implements AutoCloseable {
    /** Time to live of stream-count leases; refreshed every third of it while the stream is open. */
    public static final Duration STREAM_LEASE_TTL = Duration.ofSeconds(30);

    private final RedisSession redis;
    private final RedisStreamLimiter streams;
    private final RedisUsageStore usage;
    private final List<AutoCloseable> owned = new ArrayList<>();

    private RedisBackends(RedisSession redis) {
        this.redis = redis;
        this.streams = new RedisStreamLimiter(redis, STREAM_LEASE_TTL);
        this.usage = new RedisUsageStore(redis);
    }

    /**
     * Connects to Redis.
     *
     * @param options address, key namespace and command timeout
     * @return the backends
     * @throws io.hfthot.engine.EngineException SERVICE_UNAVAILABLE when Redis cannot be reached
     */
    public static RedisBackends connect(RedisOptions options) {
        return new RedisBackends(RedisSession.open(Objects.requireNonNull(options, "options")));
    }

    /**
     * Asks Redis whether it answers now (one {@code PING} on the shared connection), for readiness checks.
     *
     * @return empty when Redis answered; otherwise why not
     */
    public Optional<String> unreachable() {
        try {
            String pong = RedisFailures.call("ping", () -> redis.commands().ping());
            return "PONG".equals(pong) ? Optional.empty() : Optional.of("Redis answered PING with " + pong);
        } catch (EngineException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Sets the API keys, usage counters, rate limiter (which also backs the per-feature quotas), stream limiter,
     * HTI profiles, refresh tokens, hub users, hub API keys, sealed secrets and sealed provider keys of a builder to
     * the Redis ones; the event bus is chosen separately because it needs the payload codec ({@link #eventBus}).
     *
     * @param builder the builder
     * @return the same builder
     */
    public EngineBuilder applyTo(EngineBuilder builder) {
        return builder.apiKeys(apiKeys()).usage(usage()).rateLimiter(rateLimiter()).streamLimiter(streams)
                .profiles(profiles()).refreshTokens(refreshTokens())
                .hubUsers(hubUsers()).hubApiKeys(hubApiKeys()).secrets(secrets()).providerKeys(providerKeys());
    }

    /**
     * Returns a new API key store.
     *
     * @return the store
     */
    public RedisApiKeyStore apiKeys() {
        return new RedisApiKeyStore(redis);
    }

    /**
     * Returns the usage store (one per backends, since it flushes recorded counts in the background; closed with
     * these backends, which sends what is pending).
     *
     * @return the store
     */
    public RedisUsageStore usage() {
        return usage;
    }

    /**
     * Returns a new rate limiter.
     *
     * @return the limiter
     */
    public RedisRateLimiter rateLimiter() {
        return new RedisRateLimiter(redis);
    }

    /**
     * Returns the stream limiter (one per backends, since it refreshes its open leases).
     *
     * @return the limiter
     */
    public RedisStreamLimiter streamLimiter() {
        return streams;
    }

    /**
     * Returns a new HTI profile store.
     *
     * @return the store
     */
    public RedisProfileStore profiles() {
        return new RedisProfileStore(redis);
    }

    /**
     * Returns a new refresh token store.
     *
     * @return the store
     */
    public RedisRefreshTokenStore refreshTokens() {
        return new RedisRefreshTokenStore(redis);
    }

    /**
     * Returns a new hub user store.
     *
     * @return the store
     */
    public RedisHubUserStore hubUsers() {
        return new RedisHubUserStore(redis);
    }

    /**
     * Returns a new hub API key store.
     *
     * @return the store
     */
    public RedisHubApiKeyStore hubApiKeys() {
        return new RedisHubApiKeyStore(redis);
    }

    /**
     * Returns a new store of sealed hub secrets.
     *
     * @return the store
     */
    public RedisSecretStore secrets() {
        return new RedisSecretStore(redis);
    }

    /**
     * Returns a new store of sealed provider keys.
     *
     * @return the store
     */
    public RedisProviderKeyStore providerKeys() {
        return new RedisProviderKeyStore(redis);
    }

    /**
     * Copies the identity rows a data directory held before it was switched to Redis, once (see
     * {@link LakehouseCarryOver}); call it before building the engine, so its demo keys and hub users are found.
     *
     * @param lakehouse the data directory's lakehouse (read only)
     * @param doneFile  the data directory's marker file, written after a complete copy
     * @return what this start did
     * @throws io.hfthot.engine.EngineException SERVICE_UNAVAILABLE when Redis cannot be reached
     * @throws java.io.UncheckedIOException      when the marker file cannot be read or written
     */
    public LakehouseCarryOver.Copied carryOver(Lakehouse lakehouse, Path doneFile) {
        return new LakehouseCarryOver(redis).copyOnce(lakehouse, doneFile);
    }

    /**
     * Creates an event bus over Redis Streams; the engine closes it (or the caller, when not given to an engine).
     *
     * @param clock           stamps events
     * @param codec           carries payloads between replicas
     * @param deliveryThreads threads that push events to listener subscriptions, in [1, 256]
     * @return the bus, already reading
     */
    public RedisEventBus eventBus(InstantSource clock, PayloadCodec codec, int deliveryThreads) {
        return new RedisEventBus(redis, clock, codec, deliveryThreads, 100_000);
    }

    /**
     * Starts competing for a lease; closed with these backends unless closed before.
     *
     * @param name     the lease's name (e.g. {@code market-writer})
     * @param holderId this replica's id, unique among replicas
     * @param ttl      time to live, at least 1 s; takeover after the holder dies takes at most ttl + ttl / 5
     * @param listener hears when this replica gains or loses it
     * @return the lease
     */
    public synchronized RedisLease lease(String name, String holderId, Duration ttl, RedisLease.Listener listener) {
        RedisLease lease = new RedisLease(redis, name, holderId, ttl, listener);
        owned.add(lease);
        lease.start();
        return lease;
    }

    /**
     * Returns the options these backends were connected with.
     *
     * @return the options
     */
    public RedisOptions options() {
        return redis.options();
    }

    /** Releases leases, stops the stream-lease refresher, sends pending usage counts and closes the connection. */
    @Override
    public synchronized void close() {
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + c, e);
            }
        }
        streams.close();
        usage.close();
        redis.close();
    }
}
