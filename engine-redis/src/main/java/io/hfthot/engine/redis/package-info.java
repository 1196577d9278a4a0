/**
 * Redis implementations of the engine SPIs, so that several server replicas share API keys (with an atomic live-key
 * cap), HTI codes, usage counters, exact sliding-window rate limits and per-feature quotas, stream counts, hub users,
 * hub API keys, refresh tokens, sealed secrets and provider keys, and live events; plus a lease that elects the one
 * replica writing market data, and the one-time copy of a single server's identity rows into Redis
 * ({@link io.hfthot.engine.redis.LakehouseCarryOver}). Entry point: {@link io.hfthot.engine.redis.RedisBackends}.
 *
 * <p>Every implementation passes the same contract suite as the in-memory default (engine-core's test kit) against
 * a real {@code redis-server}, and fails closed: while Redis cannot be asked, calls throw the engine's
 * {@code SERVICE_UNAVAILABLE}, never admitting or authenticating anything unchecked. Atomic decisions are Lua
 * scripts in this package's resources (one round trip each). One Redis (optionally with replicas for failover)
 * is assumed, not a Redis Cluster: some scripts derive keys from set members.
 */
package io.hfthot.engine.redis;
