/**
 * Server-Sent Events on the com.sun.net.httpserver API: {@link io.hfthot.adapters.sse.SseEvent}
 * framing and {@link io.hfthot.adapters.sse.SseRoute}, a route handler that streams an event-bus
 * subscription with heartbeats, flushes each event, detects disconnects and keeps its buffers bounded.
 */
package io.hfthot.adapters.sse;
