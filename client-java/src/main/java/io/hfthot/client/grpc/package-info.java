/**
 * Seed 000's gRPC API through stubs generated from this module's copy of the published {@code hfthot.proto}
 * (generated classes in {@code io.hfthot.client.grpc.proto}).
 */
package io.hfthot.client.grpc;
