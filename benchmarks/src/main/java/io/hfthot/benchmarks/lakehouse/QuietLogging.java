package io.hfthot.benchmarks.lakehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the root log level to WARN: without a logback configuration, logback logs DEBUG to the console, and
 * Delta Kernel and Hadoop log several lines per commit, which would measure console I/O instead of the engines.
 */
final class QuietLogging {
    private QuietLogging() {
    }

    static void warnOnly() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
