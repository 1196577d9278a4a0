package io.hfthot.lakehouse.duckdb;

/** The query is not valid SQL, names something that does not exist, or cannot be bound (HTTP 400). */
public class InvalidQueryException extends QueryException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing message. */
    public InvalidQueryException(String message) {
        super(message);
    }

    /** Creates the exception with a user-facing message and the underlying cause. */
    public InvalidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
