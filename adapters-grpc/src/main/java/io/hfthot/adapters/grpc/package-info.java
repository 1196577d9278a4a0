/**
 * gRPC transport for the HFThot API: services, authentication and tier interceptor.
 */
package io.hfthot.adapters.grpc;
