/**
 * The quota engine: seed 000's whole tier table as data ({@link io.hfthot.engine.quota.QuotaTable}),
 * exact sliding-window rate limits behind the {@link io.hfthot.engine.quota.RateLimiter} SPI,
 * concurrent-stream leases behind {@link io.hfthot.engine.quota.StreamLimiter}, tier gates and
 * historical depth, all answered as a {@link io.hfthot.engine.quota.QuotaDecision} that carries what
 * the {@code X-RateLimit-*} headers and the error body need.
 */
package io.hfthot.engine.quota;
