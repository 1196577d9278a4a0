package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.InvalidQueryException;
import io.hfthot.lakehouse.duckdb.QueryException;
import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import io.hfthot.lakehouse.duckdb.QueryRejectedException;
import io.hfthot.lakehouse.duckdb.QueryTimeoutException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** Turns DuckDB's error messages into {@link QueryException}s fit for users. */
public final class DuckDbErrors {

    // DuckDB prefixes every message with its error class ("Binder Error: ..."); these are the user's mistakes.
    private static final List<String> USER_ERRORS = List.of("Parser Error", "Syntax Error", "Binder Error", "Catalog Error",
            "Conversion Error", "Invalid Input Error", "Out of Range Error", "Not implemented Error", "Mismatch Type Error",
            "Type Error", "Constraint Error", "Invalid Error", "Dependency Error", "Sequence Error");

    private DuckDbErrors() {
    }

    /**
     * Translates a DuckDB failure.
     *
     * @param e    what the driver threw
     * @param root the lakehouse root, hidden from messages
     */
    public static QueryException translate(SQLException e, Path root) {
        String message = clean(e.getMessage(), root);
        if (message.startsWith("Permission Error")) {
            return new QueryRejectedException("access denied: " + message, e);
        }
        if (message.startsWith("INTERRUPT Error")) {
            return new QueryTimeoutException("the query was interrupted: " + message, e);
        }
        if (message.startsWith("Out of Memory Error")) {
            return new QueryRejectedException("the query needs more memory than the engine's limit: " + message, e);
        }
        for (String prefix : USER_ERRORS) {
            if (message.startsWith(prefix)) {
                return new InvalidQueryException(message, e);
            }
        }
        return new QueryExecutionException("the query failed: " + message, e);
    }

    /**
     * Drops DuckDB's source excerpt ("LINE 1: ..."), which would show the generated Parquet scans, and replaces
     * the lakehouse root by {@code <lakehouse>}.
     */
    static String clean(String raw, Path root) {
        String message = raw == null ? "unknown DuckDB error" : raw;
        int excerpt = message.indexOf("\nLINE ");
        if (excerpt >= 0) {
            message = message.substring(0, excerpt);
        }
        return message.replace(root.toString(), "<lakehouse>").strip();
    }
}
