package io.hfthot.adapters.http;

/**
 * Cross-cutting work that runs after routing and before the handler (or before a WebSocket upgrade
 * is accepted): authentication, quotas, tier checks.
 *
 * <p>To reject, throw an {@link ApiException} (e.g. {@link ErrorKind#UNAUTHORIZED},
 * {@link ErrorKind#RATE_LIMITED}); the surface writes it in its own error shape, together with any
 * headers the filter set. To admit, return normally, optionally after putting the principal into
 * {@link RequestContext#attributes()} and setting headers such as {@code X-RateLimit-Remaining}.
 * Filters run in registration order; unknown routes (404) and wrong methods (405) are answered
 * before any filter runs. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RequestFilter {
    /**
     * Inspects a request.
     *
     * @param request the request
     * @throws ApiException to reject it
     */
    void filter(RequestContext request);
}
