/**
 * Java SDK for the HFThot API (seed 000): {@link io.hfthot.client.HfthotClient} for REST and the
 * {@code /v1/stream} WebSocket, {@link io.hfthot.client.RetryPolicy} for retries with backoff, and the one
 * error type {@link io.hfthot.client.HfthotApiException}. gRPC is in {@code io.hfthot.client.grpc}, the HTI
 * server-sent-event stream in {@code io.hfthot.client.sse}.
 */
package io.hfthot.client;
