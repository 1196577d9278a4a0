/**
 * The HTI trade-ideas surface (seeds 001 and 002) over {@link io.hfthot.engine.hti.HtiService}: authentication,
 * history, the SSE stream with {@code ready}, {@code ping}, {@code idea} and {@code error} events, and the admin
 * routes that issue and revoke API codes.
 */
package io.hfthot.adapters.sse.hti;
