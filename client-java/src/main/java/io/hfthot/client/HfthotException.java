package io.hfthot.client;

/**
 * Any failure of an SDK call: the base of {@link HfthotApiException} (the server answered with an error) and
 * thrown as itself when no answer arrived (connection refused or reset, timeout, interrupted wait).
 */
public class HfthotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what failed
     * @param cause   the underlying failure, or null
     */
    public HfthotException(String message, Throwable cause) {
        super(message, cause);
    }
}
