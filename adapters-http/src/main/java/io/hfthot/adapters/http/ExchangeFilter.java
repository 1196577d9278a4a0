package io.hfthot.adapters.http;

/**
 * Cross-cutting work around a whole exchange, before routing (CORS, the access log): it sees every request,
 * including those answered 404, 405 or 503, may answer one itself (a CORS preflight) and sees the outcome
 * written. Filters that need the route and the principal are {@link RequestFilter}s instead.
 *
 * <p>A failure thrown by a filter or by anything after it is written in the surface's error shape by the surface
 * before {@link Chain#proceed} returns, so an outer filter always gets an {@link Outcome}. Thread-safe.
 */
interface ExchangeFilter {
    /**
     * Handles one exchange, normally by calling {@code next.proceed(call)}.
     *
     * @param call the exchange and what the surface derived from it
     * @param next the rest of the surface
     * @return what was written
     * @throws Exception to have the surface write the error
     */
    Outcome filter(Call call, Chain next) throws Exception;

    /** One exchange on its way through a surface: the transport's view and its request id, method and path. */
    record Call(ServerExchange exchange, String requestId, String method, String rawPath) {
    }

    /**
     * What was written, for the access log and the metrics: status, body bytes ({@code -1} when the write failed)
     * and the matched route's pattern (null when no route matched).
     *
     * @param status the status written
     * @param bytes  the body bytes written
     * @param route  the route pattern, or null
     */
    record Outcome(int status, long bytes, String route) {
        /**
         * An outcome before routing (no route known).
         *
         * @param status the status written
         * @param bytes  the body bytes written
         */
        Outcome(int status, long bytes) {
            this(status, bytes, null);
        }

        /**
         * Returns this outcome for a matched route.
         *
         * @param pattern the route pattern
         * @return the outcome
         */
        Outcome withRoute(String pattern) {
            return new Outcome(status, bytes, pattern);
        }
    }

    /** The rest of the surface after a filter. */
    interface Chain {
        /**
         * Runs the next filters, routing and the handler.
         *
         * @param call the exchange
         * @return what was written
         */
        Outcome proceed(Call call);

        /**
         * Writes a response without routing (a CORS preflight answer).
         *
         * @param call     the exchange
         * @param response the response
         * @return what was written
         * @throws java.io.IOException when the client is gone
         */
        Outcome respond(Call call, Response response) throws java.io.IOException;
    }
}
