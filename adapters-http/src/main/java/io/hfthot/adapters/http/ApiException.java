package io.hfthot.adapters.http;

import java.util.Objects;

/**
 * A failure to report to the client in the surface's error shape. Handlers, filters and the
 * validation helpers throw it; {@link ErrorMapper} turns it into a response.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    /**
     * Creates an exception reported with the kind's status.
     *
     * @param kind    the kind of failure
     * @param message the client-facing message: name the field, the value and what is accepted
     */
    public ApiException(ErrorKind kind, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Creates an exception reported with the kind's status and keeping a cause for the log.
     *
     * @param kind    the kind of failure
     * @param message the client-facing message
     * @param cause   the underlying failure
     */
    public ApiException(ErrorKind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Returns the kind of failure.
     *
     * @return the kind
     */
    public ErrorKind kind() {
        return kind;
    }

    /**
     * Shorthand for an {@link ErrorKind#INVALID_PARAMS} failure.
     *
     * @param message what is wrong
     * @return the exception, to throw
     */
    public static ApiException invalid(String message) {
        return new ApiException(ErrorKind.INVALID_PARAMS, message);
    }
}
