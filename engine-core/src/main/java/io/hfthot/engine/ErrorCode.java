package io.hfthot.engine;

/**
 * Why the engine refused or failed an operation: one code set for every surface. The engine never speaks
 * HTTP or gRPC; each adapter maps a code to its surface's shape in exactly one place (seed 000's
 * {@code {"code","message"}} with 400/401/403/429/500/503 on the HFThot REST surface, {@code {"detail": ...}}
 * on the HTI, market-maker and hub surfaces, INVALID_ARGUMENT / UNAUTHENTICATED / PERMISSION_DENIED /
 * RESOURCE_EXHAUSTED / INTERNAL / UNAVAILABLE on gRPC). The names are seed 000's wire codes.
 */
public enum ErrorCode {
    /** A parameter is missing, malformed or out of range; {@link EngineException#parameter()} names it. */
    INVALID_PARAMS,
    /** No valid credential. */
    UNAUTHORIZED,
    /** The caller's tier does not include the feature or the historical depth asked for. */
    TIER_REQUIRED,
    /** A rate limit, quota or account cap is reached. */
    RATE_LIMITED,
    /** The resource does not exist for this caller (someone else's resource is reported the same way). */
    NOT_FOUND,
    /** The request is valid but conflicts with the resource's state (e.g. a live venue that is not configured). */
    CONFLICT,
    /** A bug or an outage inside the server: the client can only retry; the stack trace goes to the log. */
    INTERNAL_ERROR,
    /** The server cannot take writes now (e.g. the data directory is full); reads still work. */
    SERVICE_UNAVAILABLE
}
