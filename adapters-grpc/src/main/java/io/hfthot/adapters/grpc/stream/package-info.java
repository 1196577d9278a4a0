/**
 * Server streams fed from the engine's {@link io.hfthot.engine.events.EventBus} with gRPC flow control:
 * bounded buffering, writes only while the client is ready, unsubscribe on cancel.
 */
package io.hfthot.adapters.grpc.stream;
