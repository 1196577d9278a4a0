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
    /** The request conflicts with the current state of the resource (409). */
    CONFLICT(409),
    /** The request body exceeds the surface's limit (413). */
    PAYLOAD_TOO_LARGE(413),
    /** The body's content type is not one the route reads (415). */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** Too many requests; the response carries {@code X-RateLimit-*} headers (429). */
    RATE_LIMITED(429),
    /** An unexpected server failure (500); details stay in the log under the request id. */
    INTERNAL_ERROR(500),
    /** The server is shutting down or a dependency is unavailable (503). */
    SERVICE_UNAVAILABLE(503);

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
}
