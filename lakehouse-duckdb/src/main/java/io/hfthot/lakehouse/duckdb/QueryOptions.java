package io.hfthot.lakehouse.duckdb;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and output format of one query.
 *
 * @param maxRows at most this many rows are returned (1 to {@value #MAX_ROWS_LIMIT}); more rows set
 *                {@link QueryResult#truncated()}
 * @param timeout the whole request (waiting for a connection, checks, execution and encoding) must finish
 *                within this time (1 ms to 10 minutes)
 * @param format  the result encoding
 */
public record QueryOptions(int maxRows, Duration timeout, ResultFormat format) {

    /** The largest accepted {@code maxRows}. */
    public static final int MAX_ROWS_LIMIT = 10_000_000;
    /** The largest accepted timeout. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    /** Default row limit. */
    public static final int DEFAULT_MAX_ROWS = 10_000;
    /** Default time limit. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Validates the limits. */
    public QueryOptions {
        if (maxRows < 1 || maxRows > MAX_ROWS_LIMIT) {
            throw new IllegalArgumentException("maxRows must be in [1, " + MAX_ROWS_LIMIT + "], got " + maxRows);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be between 1 ms and " + MAX_TIMEOUT + ", got " + timeout);
        }
        Objects.requireNonNull(format, "format");
    }

    /** {@value #DEFAULT_MAX_ROWS} rows, 30 seconds, JSON. */
    public static QueryOptions defaults() {
        return new QueryOptions(DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, ResultFormat.JSON);
    }

    /** A copy with another format. */
    public QueryOptions withFormat(ResultFormat newFormat) {
        return new QueryOptions(maxRows, timeout, newFormat);
    }

    /** A copy with another row limit. */
    public QueryOptions withMaxRows(int newMaxRows) {
        return new QueryOptions(newMaxRows, timeout, format);
    }

    /** A copy with another time limit. */
    public QueryOptions withTimeout(Duration newTimeout) {
        return new QueryOptions(maxRows, newTimeout, format);
    }
}
