package io.hfthot.adapters.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link AccessLog}: one INFO event per exchange on slf4j logger {@value #LOGGER}, message
 * {@value #FORMAT} with the surface, request id, method, raw path, status, body bytes and microseconds as its seven
 * arguments, so that any backend configuration (a pattern, a JSON encoder with the arguments) renders it.
 */
public final class Slf4jAccessLog implements AccessLog {
    /** The access log's logger name. */
    public static final String LOGGER = "io.hfthot.access";
    /** The message pattern, in SLF4J's {@code {}} syntax: surface, id, method, path, status, bytes, micros. */
    public static final String FORMAT = "{} {} {} {} {} {}B {}us";

    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER);

    Slf4jAccessLog() {
    }

    @Override
    public void record(String surface, String requestId, String method, String rawPath, int status, long bytes,
                       long micros) {
        if (ACCESS.isInfoEnabled()) {
            ACCESS.info(FORMAT, surface, requestId, method, rawPath, status, bytes, micros);
        }
    }
}
