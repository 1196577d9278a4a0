package io.hfthot.lakehouse.duckdb;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits, output format and row floor of one query.
 *
 * @param maxRows at most this many rows are returned (1 to {@value #MAX_ROWS_LIMIT}); more rows set
 *                {@link QueryResult#truncated()}
 * @param timeout the whole request (waiting for a connection, checks, execution and encoding) must finish
 *                within this time (1 ms to 10 minutes)
 * @param format  the result encoding
 * @param rowFloor rows below this floor are invisible to the query (see {@link RowFloor}), or {@code null} for
 *                 none
 * @param maxResultBytes the encoded result may hold at most this many bytes (1 KiB to {@value #MAX_RESULT_BYTES_LIMIT});
 *                 a larger one fails the query with {@link QueryRejectedException}: results are built in the JVM's
 *                 heap, and 10,000 rows of a 1 MB value each would otherwise take 10 GB of it
 */
public record QueryOptions(int maxRows, Duration timeout, ResultFormat format, RowFloor rowFloor, long maxResultBytes) {

    /** The largest accepted {@code maxRows}. */
    public static final int MAX_ROWS_LIMIT = 10_000_000;
    /** The largest accepted timeout. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    /** Default row limit. */
    public static final int DEFAULT_MAX_ROWS = 10_000;
    /** Default time limit. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Default result size cap: 64 MiB. */
    public static final long DEFAULT_MAX_RESULT_BYTES = 64L << 20;
    /** The largest accepted result size cap: 1 GiB. */
    public static final long MAX_RESULT_BYTES_LIMIT = 1L << 30;

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
        if (maxResultBytes < 1024 || maxResultBytes > MAX_RESULT_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxResultBytes must be in [1024, " + MAX_RESULT_BYTES_LIMIT + "], got " + maxResultBytes);
        }
    }

    /**
     * Options with the default result size cap.
     *
     * @param maxRows  row limit
     * @param timeout  time limit
     * @param format   result encoding
     * @param rowFloor row floor, or null
     */
    public QueryOptions(int maxRows, Duration timeout, ResultFormat format, RowFloor rowFloor) {
        this(maxRows, timeout, format, rowFloor, DEFAULT_MAX_RESULT_BYTES);
    }

    /**
     * Options without a row floor.
     *
     * @param maxRows row limit
     * @param timeout time limit
     * @param format  result encoding
     */
    public QueryOptions(int maxRows, Duration timeout, ResultFormat format) {
        this(maxRows, timeout, format, null);
    }

    /** {@value #DEFAULT_MAX_ROWS} rows, 30 seconds, JSON, no row floor, 64 MiB of result. */
    public static QueryOptions defaults() {
        return new QueryOptions(DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, ResultFormat.JSON);
    }

    /** A copy with another format. */
    public QueryOptions withFormat(ResultFormat newFormat) {
        return new QueryOptions(maxRows, timeout, newFormat, rowFloor, maxResultBytes);
    }

    /** A copy with another row limit. */
    public QueryOptions withMaxRows(int newMaxRows) {
        return new QueryOptions(newMaxRows, timeout, format, rowFloor, maxResultBytes);
    }

    /** A copy with another time limit. */
    public QueryOptions withTimeout(Duration newTimeout) {
        return new QueryOptions(maxRows, newTimeout, format, rowFloor, maxResultBytes);
    }

    /**
     * A copy whose query sees no row of any table whose {@code column} is earlier than {@code earliest}; tables
     * without that column are unaffected (see {@link RowFloor}).
     *
     * @param column   the timestamp column, named by code (e.g. {@code ts})
     * @param earliest the first visible instant
     * @return the copy
     */
    public QueryOptions withRowFloor(String column, Instant earliest) {
        return new QueryOptions(maxRows, timeout, format, new RowFloor(column, earliest), maxResultBytes);
    }

    /**
     * A copy with another row floor, or none when {@code floor} is {@code null}.
     *
     * @param floor the floor, or null
     * @return the copy
     */
    public QueryOptions withRowFloor(RowFloor floor) {
        return new QueryOptions(maxRows, timeout, format, floor, maxResultBytes);
    }

    /**
     * A copy with another result size cap.
     *
     * @param bytes the most bytes the encoded result may hold
     * @return the copy
     */
    public QueryOptions withMaxResultBytes(long bytes) {
        return new QueryOptions(maxRows, timeout, format, rowFloor, bytes);
    }

    /**
     * The row floor, if any.
     *
     * @return the floor, or empty
     */
    public Optional<RowFloor> floor() {
        return Optional.ofNullable(rowFloor);
    }
}
