package io.hfthot.adapters.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link RequestFilter} sees of a request, whether it is a REST call or a WebSocket upgrade:
 * method, path, headers, query, an attribute map (for the authenticated principal) and the ability to
 * add response headers (for example {@code X-RateLimit-Remaining}). Header names are case-insensitive.
 */
public interface RequestContext {
    /**
     * Returns the request id, also sent back as the {@code X-Request-Id} response header.
     *
     * @return the id
     */
    String requestId();

    /**
     * Returns the method, upper case ({@code GET} for a WebSocket upgrade).
     *
     * @return the method
     */
    String method();

    /**
     * Returns the decoded request path.
     *
     * @return the path, starting with {@code /}
     */
    String path();

    /**
     * Returns the matched route's pattern (e.g. {@code /api/agents/{id}}) or WebSocket path, so a
     * filter can decide per route (public health check, tier-gated endpoint).
     *
     * @return the pattern
     */
    String routePattern();

    /**
     * Returns the first value of a request header.
     *
     * @param name the header name, any case
     * @return the value, or empty
     */
    Optional<String> header(String name);

    /**
     * Returns the query string's parameters with validation helpers.
     *
     * @return the parameters
     */
    QueryParams query();

    /**
     * Returns the mutable attribute map shared by the filters and the handler of this request.
     *
     * @return the attributes
     */
    Map<String, Object> attributes();

    /**
     * Returns a typed attribute.
     *
     * @param name the attribute name
     * @param type the expected type
     * @param <T>  the type
     * @return the value, or empty when absent or of another type
     */
    default <T> Optional<T> attribute(String name, Class<T> type) {
        Object v = attributes().get(name);
        return type.isInstance(v) ? Optional.of(type.cast(v)) : Optional.empty();
    }

    /**
     * Sets a response header; it is sent with the response whether it succeeds or fails.
     *
     * @param name  the header name
     * @param value the value
     */
    void setResponseHeader(String name, String value);

    /**
     * Returns all values of all request headers, names lower-cased.
     *
     * @return the headers
     */
    Map<String, List<String>> headers();
}
