package io.hfthot.adapters.http;

/**
 * The kinds of failure every surface can report, with the HTTP status and the seed-000 error code
 * each one maps to. Transport-level kinds (not found, method not allowed, payload too large) sit
 * beside the seed's business codes.
 */
public enum ErrorKind {
    /** Missing or invalid request parameters or body (400). */
    INVALID_PARAMS(400),
    /** Missing or invalid credentials (401). */
    UNAUTHORIZED(401),
    /** Authenticated, but the caller's tier does not include this endpoint (403). */
    TIER_REQUIRED(403),
    /** Authenticated, but not allowed to act on this resource (403). */
    FORBIDDEN(403),
    /** No route or no resource at this path (404). */
    NOT_FOUND(404),
    /** The path exists but not for this method; the response carries {@code Allow} (405). */
    METHOD_NOT_ALLOWED(405),
    /**
     * The client did not send its request within the transport's read budget (408): headers or body too
     * slow; the connection is closed after the answer.
     */
    REQUEST_TIMEOUT(408),
    /** The request conflicts with the current state of the resource (409). */
    CONFLICT(409),
    /** The request body exceeds the surface's limit (413). */
    PAYLOAD_TOO_LARGE(413),
    /** The request line's URI is longer than the transport accepts (414). */
    URI_TOO_LONG(414),
    /** The body's content type is not one the route reads (415). */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** Too many requests; the response carries {@code X-RateLimit-*} headers (429). */
    RATE_LIMITED(429),
    /** The request's header fields are larger than the transport accepts (431). */
    HEADER_FIELDS_TOO_LARGE(431),
    /** An unexpected server failure (500); details stay in the log under the request id. */
    INTERNAL_ERROR(500),
    /** The request uses a feature the transport does not implement, e.g. an unknown transfer coding (501). */
    NOT_IMPLEMENTED(501),
    /** The server is shutting down or a dependency is unavailable (503). */
    SERVICE_UNAVAILABLE(503),
    /** The request's HTTP version is not one the transport speaks (505). */
    HTTP_VERSION_NOT_SUPPORTED(505);

    private final int status;

    ErrorKind(int status) {
        this.status = status;
    }

    /**
     * Returns the HTTP status this kind is reported with.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * Returns the kind reported with a status, for answers the transport produces itself (a status
     * without a kind of its own is reported as {@link #INVALID_PARAMS} when it is a 4xx, else as
     * {@link #INTERNAL_ERROR}, while the status itself is kept).
     *
     * @param status an HTTP status
     * @return the first kind with that status, or the fallback above
     */
    public static ErrorKind forStatus(int status) {
        for (ErrorKind k : values()) {
            if (k.status == status) {
                return k;
            }
        }
        return status >= 400 && status < 500 ? INVALID_PARAMS : INTERNAL_ERROR;
    }
}
