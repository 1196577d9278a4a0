package io.hfthot.adapters.http.jetty;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how one listener runs.
 *
 * @param bindHost       the interface to bind, e.g. {@code 127.0.0.1} (loopback) or {@code 0.0.0.0}
 * @param port           the port, {@code 0} for an ephemeral one
 * @param tls            TLS settings, or empty for plain HTTP/WS
 * @param maxThreads     request threads, in {@code [8, 10000]}; each open SSE stream holds one
 * @param virtualThreads run handlers on virtual threads when the JDK supports them (21+)
 * @param idleTimeout    HTTP connection idle timeout (WebSocket endpoints have their own)
 * @param shutdownGrace  how long {@link TransportServer#close()} waits for in-flight requests
 * @param limits         request read budgets and the per-address connection cap
 */
public record TransportConfig(String bindHost, int port, Optional<TlsConfig> tls, int maxThreads,
                              boolean virtualThreads, Duration idleTimeout, Duration shutdownGrace,
                              RequestLimits limits) {
    /** Validates the fields. */
    public TransportConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(limits, "limits");
        if (bindHost.isBlank()) {
            throw new IllegalArgumentException("bindHost must not be blank; use 127.0.0.1 or 0.0.0.0");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        if (maxThreads < 8 || maxThreads > 10_000) {
            throw new IllegalArgumentException("maxThreads must be in [8, 10000], got " + maxThreads);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be > 0, got " + idleTimeout);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must be >= 0, got " + shutdownGrace);
        }
    }

    /**
     * Plain HTTP on a host and port with defaults: 200 threads, platform threads, 30 s idle timeout,
     * 5 s shutdown grace, {@link RequestLimits#defaults()}.
     *
     * @param bindHost the interface
     * @param port     the port, 0 for ephemeral
     * @return the config
     */
    public static TransportConfig of(String bindHost, int port) {
        return new TransportConfig(bindHost, port, Optional.empty(), 200, false, Duration.ofSeconds(30),
                Duration.ofSeconds(5), RequestLimits.defaults());
    }

    /**
     * Returns a copy with TLS.
     *
     * @param tlsConfig the keystore
     * @return the config
     */
    public TransportConfig withTls(TlsConfig tlsConfig) {
        return new TransportConfig(bindHost, port, Optional.of(tlsConfig), maxThreads, virtualThreads, idleTimeout,
                shutdownGrace, limits);
    }

    /**
     * Returns a copy with another shutdown grace.
     *
     * @param grace the grace
     * @return the config
     */
    public TransportConfig withShutdownGrace(Duration grace) {
        return new TransportConfig(bindHost, port, tls, maxThreads, virtualThreads, idleTimeout, grace, limits);
    }

    /**
     * Returns a copy with other request budgets and connection cap.
     *
     * @param requestLimits the limits
     * @return the config
     */
    public TransportConfig withLimits(RequestLimits requestLimits) {
        return new TransportConfig(bindHost, port, tls, maxThreads, virtualThreads, idleTimeout, shutdownGrace,
                requestLimits);
    }
}
