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

    /**
     * What duckdb_jdbc 2.0.0.1 says instead of the real error when a streamed query fails while it runs: its
     * JNI {@code _duckdb_jdbc_query_result_meta} (and {@code _fetch}) throw this fixed text when the result
     * {@code HasError()}, dropping {@code GetError()}. With {@code jdbc_stream_results} (which the engine
     * needs so that a row limit stops the work) every execution-time error arrives this way: a failed cast,
     * an overflow, a query over the memory limit. 2.0.0.1 is the newest driver on Maven Central.
     */
    static final String HIDDEN_RUNTIME_ERROR = "Invalid Input Error: Invalid result set";
    /** The message users get instead of {@link #HIDDEN_RUNTIME_ERROR}: what is known and what to check. */
    static final String RUNTIME_ERROR_EXPLAINED = "the query failed while it ran; the DuckDB driver does not report"
            + " why for errors raised during execution. Typical causes: a value that cannot be cast (e.g."
            + " CAST(symbol AS INTEGER)), an arithmetic overflow, or more memory than the engine's limit (a large"
            + " join or aggregate: narrow it, e.g. with a WHERE on ts)";

    private DuckDbErrors() {
    }

    /**
     * Translates a DuckDB failure.
     *
     * @param e     what the driver threw
     * @param root  the lakehouse root, hidden from messages
     * @param other further server directories hidden from messages (e.g. the spill directory); nulls are skipped
     */
    public static QueryException translate(SQLException e, Path root, Path... other) {
        String message = clean(e.getMessage(), root);
        for (Path hidden : other) {
            if (hidden != null) {
                message = message.replace(hidden.toString(), "<server directory>");
            }
        }
        if (message.equals(HIDDEN_RUNTIME_ERROR)) {
            return new InvalidQueryException(RUNTIME_ERROR_EXPLAINED, e);
        }
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
                return new InvalidQueryException(explainDepth(message), e);
            }
        }
        return new QueryExecutionException("the query failed: " + message, e);
    }

    /**
     * Rewrites DuckDB's "Max expression depth limit of 1000 exceeded. Use SET max_expression_depth ..." (raised by
     * its parser and binder), whose advice a sandboxed query cannot follow: SET is refused and the setting locked.
     *
     * @param message DuckDB's message
     * @return the message, or an explanation of the depth limit
     */
    static String explainDepth(String message) {
        if (!message.contains("Max expression depth limit")) {
            return message;
        }
        return "the query nests expressions or subqueries more than 1000 levels deep (DuckDB's max_expression_depth, "
                + "fixed on this server); simplify it, e.g. sum a column instead of writing a long chain of '+'";
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
