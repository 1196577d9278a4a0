/**
 * Server-Sent Events for {@code io.hfthot.adapters.http} surfaces: {@link io.hfthot.adapters.sse.SseEvent} framing,
 * {@link io.hfthot.adapters.sse.SseFrame} (an event framed once, its bytes shared by every stream) and
 * {@link io.hfthot.adapters.sse.SseRoute}, a route handler that streams an event-bus subscription with heartbeats
 * through non-blocking writes (no thread per stream), detects disconnects and keeps its buffers bounded.
 */
package io.hfthot.adapters.sse;
