package io.hfthot.lakehouse.duckdb;

/** The query did not finish within its time limit and was cancelled (HTTP 400: the user may narrow it). */
public class QueryTimeoutException extends QueryException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing message. */
    public QueryTimeoutException(String message) {
        super(message);
    }

    /** Creates the exception with a user-facing message and the underlying cause. */
    public QueryTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
