package io.hfthot.adapters.http;

/**
 * Where an {@link HttpSurface} writes its access log: one call per answered exchange, from the outermost filter, so
 * errors, preflights and refusals are logged too. Registered with {@link HttpSurface#accessLog}; the default is
 * {@link #SLF4J}, one line per exchange through slf4j logger {@value Slf4jAccessLog#LOGGER}.
 *
 * <p>Contract: called once per exchange on the thread that served it, after the response is written and before the
 * exchange is closed; it must be thread-safe and fast, and it decides itself whether logging is enabled (the SLF4J
 * implementation asks the logger, so the backend's level switch turns the log off). It must not throw.
 */
@FunctionalInterface
public interface AccessLog {
    /** Logs through slf4j logger {@value Slf4jAccessLog#LOGGER} at INFO, message {@value Slf4jAccessLog#FORMAT}. */
    AccessLog SLF4J = new Slf4jAccessLog();

    /**
     * Logs one answered exchange.
     *
     * @param surface   the surface name, e.g. {@code hfthot}
     * @param requestId the request id (also sent as {@code X-Request-Id})
     * @param method    the request method, upper case
     * @param rawPath   the path as sent, still percent-encoded, without the query
     * @param status    the status written
     * @param bytes     the body bytes written, {@code -1} when the write failed
     * @param micros    the time the surface spent on the exchange, in microseconds
     */
    void record(String surface, String requestId, String method, String rawPath, int status, long bytes,
                long micros);
}
