/**
 * The gRPC auth and tier interceptor: reads {@code x-hfthot-api-key} metadata, authenticates through
 * {@link io.hfthot.engine.identity.access.AccessControl}, enforces seed 000's gRPC gate (Professional
 * and up), per-method feature gates and the per-key request window, and puts the principal into the
 * gRPC {@link io.grpc.Context}.
 */
package io.hfthot.adapters.grpc.auth;
