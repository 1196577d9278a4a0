package io.hfthot.lakehouse.duckdb;

/** The engine failed for a reason that is not the user's query (HTTP 500). */
public class QueryExecutionException extends QueryException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing message. */
    public QueryExecutionException(String message) {
        super(message);
    }

    /** Creates the exception with a user-facing message and the underlying cause. */
    public QueryExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
