package io.hfthot.server.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.Iterator;
import java.util.function.ToLongFunction;
import org.slf4j.LoggerFactory;

/**
 * Reads the access log's line counts from the running logback configuration, for the metrics: lines written and
 * lines lost by the {@link AsyncAccessAppender}s attached to logger {@code io.hfthot.access}. Looked up at each call,
 * so the counts follow a reconfiguration ({@code --log-format json} replaces the appenders at start).
 */
public final class AccessLogCounts {
    /** The access log's logger name (the HTTP adapter's {@code AccessLogFilter} writes to it). */
    public static final String LOGGER = "io.hfthot.access";

    private AccessLogCounts() {
    }

    /** @return lines written by the current access appenders; 0 when logback is not the backend */
    public static long written() {
        return sum(AsyncAccessAppender::writtenLines);
    }

    /** @return lines the current access appenders could not write; 0 when logback is not the backend */
    public static long lost() {
        return sum(AsyncAccessAppender::lostLines);
    }

    private static long sum(ToLongFunction<AsyncAccessAppender> count) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return 0;
        }
        Logger access = context.exists(LOGGER);
        if (access == null) {
            return 0;
        }
        long total = 0;
        for (Iterator<Appender<ILoggingEvent>> it = access.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof AsyncAccessAppender a) {
                total += count.applyAsLong(a);
            }
        }
        return total;
    }
}
