package io.hfthot.lakehouse.duckdb;

/** Base of every failure a {@link SqlRunner} reports; its message is fit for the user. */
public abstract class QueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing message. */
    protected QueryException(String message) {
        super(message);
    }

    /** Creates the exception with a user-facing message and the underlying cause. */
    protected QueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
