package io.hfthot.server.ops;

import java.util.Objects;

/**
 * Where the management listener ({@code /metrics}, {@code /health/*}) binds. It is separate from the API
 * listeners and loopback by default, like Dropwizard's admin port: metrics name routes and tables and are not for
 * the public.
 *
 * @param bindHost the interface, default {@code 127.0.0.1}
 * @param port     the port, default 8081; 0 for an ephemeral port
 */
public record ManagementConfig(String bindHost, int port) {
    /** The default management port. */
    public static final int DEFAULT_PORT = 8081;
    /** The default interface: loopback only. */
    public static final String DEFAULT_BIND = "127.0.0.1";

    /** Validates the fields. */
    public ManagementConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        if (bindHost.isBlank()) {
            throw new IllegalArgumentException("management bind host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--management-port = " + port + " is not a port; expected 0 (ephemeral) to 65535");
        }
    }

    /** @return loopback, port 8081 */
    public static ManagementConfig defaults() {
        return new ManagementConfig(DEFAULT_BIND, DEFAULT_PORT);
    }

    /** @return loopback, an ephemeral port (tests) */
    public static ManagementConfig ephemeral() {
        return new ManagementConfig(DEFAULT_BIND, 0);
    }
}
