package io.hfthot.server.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Stops the logging backend at the end of the process, so buffered appenders write their last lines. */
public final class LoggingShutdown {
    private LoggingShutdown() {
    }

    /** Stops logback's context when logback is the backend; does nothing otherwise. Idempotent. */
    public static void stopBackend() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
