package io.hfthot.lakehouse.duckdb;

/** A table reference does not resolve: unknown table, version or timestamp (HTTP 400). */
public class TableResolutionException extends InvalidQueryException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing message. */
    public TableResolutionException(String message) {
        super(message);
    }

    /** Creates the exception with a user-facing message and the underlying cause. */
    public TableResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
