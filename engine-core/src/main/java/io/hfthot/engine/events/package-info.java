/**
 * Publish/subscribe of live events by topic: the {@link io.hfthot.engine.events.EventBus} SPI that
 * WebSocket, SSE and gRPC streams read, and its in-memory default
 * {@link io.hfthot.engine.events.InMemoryEventBus}.
 *
 * <p>Backpressure is per subscriber: each subscription owns a bounded queue and an
 * {@link io.hfthot.engine.events.OverflowPolicy} that says what happens when a slow subscriber's queue
 * is full. A publisher never blocks and memory never grows with a slow subscriber.
 */
package io.hfthot.engine.events;
