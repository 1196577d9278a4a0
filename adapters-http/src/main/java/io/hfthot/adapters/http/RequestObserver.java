package io.hfthot.adapters.http;

/**
 * Told about every request an {@link HttpSurface} has answered, after the response is written: the hook for
 * metrics (request rate, latency, errors per route). Registered with {@link HttpSurface#observe}.
 *
 * <p>Contract: called once per request on the thread that served it, after the exchange is closed, also for
 * 404, 405 and error answers; it must be thread-safe, fast and must not throw (a throwing observer is logged
 * and ignored). WebSocket traffic after the upgrade is not reported here.
 */
@FunctionalInterface
public interface RequestObserver {
    /** The observer that does nothing (the default). */
    RequestObserver NONE = (surface, method, route, status, nanos) -> { };

    /**
     * Reports one answered request.
     *
     * @param surface the surface name, e.g. {@code hfthot}
     * @param method  the request method, upper case
     * @param route   the matched route's pattern (e.g. {@code /v1/market/ohlcv}), or null when no route matched
     *                (404): never the raw path, so that the number of distinct values stays bounded
     * @param status  the status written
     * @param nanos   the time from the request's arrival at the surface to the end of the response
     */
    void completed(String surface, String method, String route, int status, long nanos);
}
