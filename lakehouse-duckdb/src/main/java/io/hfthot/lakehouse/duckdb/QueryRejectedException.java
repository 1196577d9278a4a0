package io.hfthot.lakehouse.duckdb;

/** The sandbox refused the query: not a single SELECT, or it would touch files, settings or extensions (HTTP 400). */
public class QueryRejectedException extends QueryException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing message. */
    public QueryRejectedException(String message) {
        super(message);
    }

    /** Creates the exception with a user-facing message and the underlying cause. */
    public QueryRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
