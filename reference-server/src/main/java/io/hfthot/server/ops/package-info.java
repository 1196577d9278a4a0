/**
 * Operating the reference server: Prometheus metrics (Micrometer), liveness and readiness, and the loopback
 * management listener that serves them ({@code /metrics}, {@code /health/live}, {@code /health/ready}).
 *
 * <p>The metrics are fed from seams that already exist: {@link io.hfthot.adapters.http.RequestObserver} on each
 * HTTP surface, a gRPC {@link io.grpc.ServerInterceptor}, a lakehouse {@link io.hfthot.lakehouse.storage.LogStore}
 * decorator, and an event-bus subscriber; no core module knows about metrics.
 */
package io.hfthot.server.ops;
