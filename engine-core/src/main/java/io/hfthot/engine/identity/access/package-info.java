/**
 * The one entry point transports call on every request: authenticate an API key, then decide the
 * quota and record usage. An HTTP filter or gRPC interceptor over
 * {@link io.hfthot.engine.identity.access.AccessControl} only reads a header and writes a status.
 */
package io.hfthot.engine.identity.access;
