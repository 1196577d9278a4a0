package io.hfthot.engine.lab;

/**
 * The error codes of seed 000's error table, with the HTTP status each maps to. Adapters map a
 * {@link LabException} through this enum in one place (gRPC: {@link #grpcStatusName()}).
 */
public enum LabErrorCode {
    /** Missing or invalid request parameters (400; gRPC INVALID_ARGUMENT). */
    INVALID_PARAMS(400, "INVALID_ARGUMENT"),
    /** Missing or invalid API key (401; gRPC UNAUTHENTICATED). */
    UNAUTHORIZED(401, "UNAUTHENTICATED"),
    /** The operation or the requested history needs a higher tier (403; gRPC PERMISSION_DENIED). */
    TIER_REQUIRED(403, "PERMISSION_DENIED"),
    /** A quota is exhausted (429; gRPC RESOURCE_EXHAUSTED). */
    RATE_LIMITED(429, "RESOURCE_EXHAUSTED"),
    /** An unexpected failure inside the engine (500; gRPC INTERNAL). */
    INTERNAL_ERROR(500, "INTERNAL"),
    /**
     * The operation needs to write and the data directory is read-only for now, e.g. its disk is full (503;
     * gRPC UNAVAILABLE). Not in seed 000's table: a temporary condition the client may retry, unlike a 500.
     */
    SERVICE_UNAVAILABLE(503, "UNAVAILABLE");

    private final int httpStatus;
    private final String grpcStatusName;

    LabErrorCode(int httpStatus, String grpcStatusName) {
        this.httpStatus = httpStatus;
        this.grpcStatusName = grpcStatusName;
    }

    /**
     * Returns the HTTP status seed 000 gives this code.
     *
     * @return 400, 401, 403, 429, 500 or 503
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Returns the name of the matching {@code io.grpc.Status.Code} constant.
     *
     * @return e.g. {@code INVALID_ARGUMENT}
     */
    public String grpcStatusName() {
        return grpcStatusName;
    }
}
