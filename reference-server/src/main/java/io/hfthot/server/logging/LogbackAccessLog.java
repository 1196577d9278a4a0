package io.hfthot.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.Appender;
import io.hfthot.adapters.http.AccessLog;
import io.hfthot.adapters.http.Slf4jAccessLog;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * The reference server's {@link AccessLog}: hands each record straight to the {@link AsyncAccessAppender} when the
 * logback configuration of logger {@value Slf4jAccessLog#LOGGER} is the server's own text one, and logs through SLF4J
 * ({@link AccessLog#SLF4J}) otherwise. Either way the same line is written.
 *
 * <p>Why: through SLF4J, each request builds logback's {@code LoggingEvent} (with its timestamp, MDC and
 * context references) and an argument array of seven, three of them boxed numbers, and goes through the logger's
 * and the appender's dispatch (turbo filters, recursion guard, filter chain), only for the writer to take the values
 * apart again. A JFR profile of the ticker route put the access log at 2.1% of the request threads' samples, most of
 * it in that event and dispatch; with the record it was 1.3% (docs/performance.md, issue 22). The direct path
 * allocates one small record.
 *
 * <p>What logback still decides: whether the log is on, per call, through {@code isInfoEnabled()} (so
 * {@code HFTHOT_ACCESS_LOG=OFF}, a level change at run time and turbo filters all apply); which appender and encoder
 * are used. The direct path is taken only when the logger is not additive and has exactly one appender, a started
 * {@code AsyncAccessAppender} with the {@link AccessLineEncoder} and no filters, and the context has no turbo
 * filters (which could look at the message and arguments that the direct path never builds); any other
 * configuration (the JSON format, a user's own logback.xml) goes through SLF4J unchanged. The appender is looked
 * up again after every reset of the logging context (a new configuration) and whenever the cached one has
 * stopped; appenders attached to the logger by code at run time without a reset are not noticed.
 */
public final class LogbackAccessLog implements AccessLog {
    private static volatile AccessLog shared;

    private final LoggerContext context;
    private final Logger logger;
    private final AccessLog fallback;
    /** The appender records go to directly, or null when the configuration does not allow it. */
    private volatile AsyncAccessAppender direct;
    /** False after a reset of the context, until the configuration is examined again. */
    private volatile boolean resolved;

    LogbackAccessLog(LoggerContext context, AccessLog fallback) {
        this.context = context;
        this.logger = context.getLogger(Slf4jAccessLog.LOGGER);
        this.fallback = fallback;
        context.addListener(new ResetListener());
    }

    /**
     * Returns the access log for the running backend: this class over logback's context when logback is the SLF4J
     * backend, {@link AccessLog#SLF4J} otherwise. One instance per process (the context is the process's).
     *
     * @return the access log
     */
    public static AccessLog forBackend() {
        AccessLog log = shared;
        if (log == null) {
            synchronized (LogbackAccessLog.class) {
                log = shared;
                if (log == null) {
                    log = LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                            ? new LogbackAccessLog(context, AccessLog.SLF4J) : AccessLog.SLF4J;
                    shared = log;
                }
            }
        }
        return log;
    }

    @Override
    public void record(String surface, String requestId, String method, String rawPath, int status, long bytes,
                       long micros) {
        if (!logger.isInfoEnabled()) {
            return;
        }
        AsyncAccessAppender a = context.getTurboFilterList().isEmpty() ? direct() : null;
        if (a == null || !a.appendEntry(new AccessEntry(System.currentTimeMillis(), surface, requestId, method,
                rawPath, status, bytes, micros))) {
            fallback.record(surface, requestId, method, rawPath, status, bytes, micros);
        }
    }

    private AsyncAccessAppender direct() {
        AsyncAccessAppender a = direct;
        if (resolved && (a == null || a.isStarted())) {
            return a;
        }
        // Set before looking, so that a reset during the look makes the next call look again.
        resolved = true;
        a = eligibleAppender();
        direct = a;
        return a;
    }

    private AsyncAccessAppender eligibleAppender() {
        if (logger.isAdditive()) {
            return null;
        }
        Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders();
        if (!it.hasNext()) {
            return null;
        }
        Appender<ILoggingEvent> only = it.next();
        if (it.hasNext() || !(only instanceof AsyncAccessAppender a) || !a.isStarted()
                || !(a.getEncoder() instanceof AccessLineEncoder) || !a.getCopyOfAttachedFiltersList().isEmpty()) {
            return null;
        }
        return a;
    }

    /** Forgets the appender when the context is reset (logback stops and detaches every appender then). */
    private final class ResetListener implements LoggerContextListener {
        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onStart(LoggerContext ctx) {
            resolved = false;
        }

        @Override
        public void onReset(LoggerContext ctx) {
            resolved = false;
        }

        @Override
        public void onStop(LoggerContext ctx) {
            resolved = false;
        }

        @Override
        public void onLevelChange(Logger changed, Level level) {
            // Levels are asked on every call.
        }
    }
}
