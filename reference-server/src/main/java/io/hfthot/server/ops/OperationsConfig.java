package io.hfthot.server.ops;

import java.util.Objects;

/**
 * How the server is operated: where the management listener ({@code /metrics}, {@code /health/*}) binds, and
 * the log format. The listener is separate from the API listeners and loopback by default, like Dropwizard's admin
 * port: metrics name routes and tables and are not for the public.
 *
 * @param managementBind the management interface, default {@code 127.0.0.1}
 * @param managementPort the management port, default 8081; 0 for an ephemeral port
 * @param jsonLogs       one JSON object per log line (application and access logs) instead of text
 * @param requestMetrics per-request meters (HTTP requests, gRPC calls, open streams); false leaves the JVM, event
 *                       bus and lakehouse meters only (to measure what the per-request ones cost)
 */
public record OperationsConfig(String managementBind, int managementPort, boolean jsonLogs, boolean requestMetrics) {
    /** The default management port. */
    public static final int DEFAULT_PORT = 8081;
    /** The default interface: loopback only. */
    public static final String DEFAULT_BIND = "127.0.0.1";

    /** Validates the fields. */
    public OperationsConfig {
        Objects.requireNonNull(managementBind, "managementBind");
        if (managementBind.isBlank()) {
            throw new IllegalArgumentException("--management-bind must not be blank");
        }
        if (managementPort < 0 || managementPort > 65535) {
            throw new IllegalArgumentException("--management-port = " + managementPort
                    + " is not a port; expected 0 (ephemeral) to 65535");
        }
    }

    /** @return loopback, port 8081, text logs, request metrics on */
    public static OperationsConfig defaults() {
        return new OperationsConfig(DEFAULT_BIND, DEFAULT_PORT, false, true);
    }

    /** @return loopback, an ephemeral port, text logs, request metrics on (tests) */
    public static OperationsConfig ephemeral() {
        return new OperationsConfig(DEFAULT_BIND, 0, false, true);
    }
}
