package io.hfthot.server.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes {@code java.util.logging} into SLF4J, so that what grpc-java, Netty and the JDK log through JUL
 * follows the server's logback configuration (format, levels, filters) instead of JUL's own two-line
 * console format on stderr.
 *
 * <p>logback.xml pairs it with {@code LevelChangePropagator}, which sets each JUL logger's level from
 * logback's, so a JUL record below the configured level is dropped by JUL itself at no cost.
 */
public final class JulBridge {
    private JulBridge() {
    }

    /** Replaces the JUL root logger's handlers by the SLF4J bridge; idempotent. */
    public static void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
