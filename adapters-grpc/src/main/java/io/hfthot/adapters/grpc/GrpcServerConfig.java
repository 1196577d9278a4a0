package io.hfthot.adapters.grpc;

import io.hfthot.adapters.grpc.tls.GrpcTls;
import io.hfthot.engine.events.SubscriptionOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the gRPC server listens.
 *
 * @param bindHost         the address to bind, e.g. {@code 127.0.0.1} (loopback only, the default) or
 *                         {@code 0.0.0.0} (every interface)
 * @param port             the TCP port in {@code [0, 65535]}; 0 picks a free port (tests), 50053 is seed 000's
 * @param tls              the certificate and key to serve TLS with, or null for plaintext
 * @param streamBufferSize events buffered per stream while its client is not ready to read, in
 *                         {@code [1, 1_000_000]}; beyond it the oldest are dropped (the client sees a gap in
 *                         {@code seq})
 */
public record GrpcServerConfig(String bindHost, int port, GrpcTls tls, int streamBufferSize) {
    /** Seed 000's gRPC port. */
    public static final int DEFAULT_PORT = 50053;
    /** The default bind address: loopback, so that plaintext is never exposed by accident. */
    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    /** The default per-stream buffer: a few milliseconds of a busy feed. */
    public static final int DEFAULT_STREAM_BUFFER = 8192;

    /** Validates the fields. */
    public GrpcServerConfig {
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("bindHost must be a host name or IP address, got "
                    + (bindHost == null ? "null" : "'" + bindHost + "'"));
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        if (streamBufferSize < 1 || streamBufferSize > SubscriptionOptions.MAX_CAPACITY) {
            throw new IllegalArgumentException("streamBufferSize must be in [1, " + SubscriptionOptions.MAX_CAPACITY
                    + "], got " + streamBufferSize);
        }
    }

    /**
     * Seed 000's defaults: plaintext on 127.0.0.1:50053.
     *
     * @return the default configuration
     */
    public static GrpcServerConfig defaults() {
        return new GrpcServerConfig(DEFAULT_BIND_HOST, DEFAULT_PORT, null, DEFAULT_STREAM_BUFFER);
    }

    /**
     * Returns a copy listening on another address.
     *
     * @param host the bind address
     * @param newPort the port, 0 for any free port
     * @return the new configuration
     */
    public GrpcServerConfig withAddress(String host, int newPort) {
        return new GrpcServerConfig(host, newPort, tls, streamBufferSize);
    }

    /**
     * Returns a copy serving TLS.
     *
     * @param newTls the certificate and key, non-null
     * @return the new configuration
     */
    public GrpcServerConfig withTls(GrpcTls newTls) {
        return new GrpcServerConfig(bindHost, port, Objects.requireNonNull(newTls, "tls"), streamBufferSize);
    }

    /**
     * Returns a copy with another per-stream buffer.
     *
     * @param size the buffer size
     * @return the new configuration
     */
    public GrpcServerConfig withStreamBufferSize(int size) {
        return new GrpcServerConfig(bindHost, port, tls, size);
    }

    /**
     * Returns the TLS settings.
     *
     * @return the settings, or empty for plaintext
     */
    public Optional<GrpcTls> tlsSettings() {
        return Optional.ofNullable(tls);
    }
}
