package io.hfthot.lakehouse.duckdb;

import java.time.Instant;
import java.util.Objects;

/**
 * A per-query lower bound on a timestamp column: rows of a table whose {@code column} is earlier than
 * {@code earliest} do not exist for that query.
 *
 * <p>The engine applies the floor inside the scan it generates for every table reference of the query (joins,
 * subqueries, CTEs and {@code VERSION AS OF} / {@code TIMESTAMP AS OF} reads included), so no SQL text can reach
 * a row below it. What the floor does to each table:
 * <ul>
 *   <li>a table without a column of that name (compared ignoring case, as SQL does) is unaffected;</li>
 *   <li>a {@code timestamp} column keeps the rows with {@code column >= earliest}; a {@code timestamp_ntz}
 *       column is compared with {@code earliest} as a UTC wall-clock time;</li>
 *   <li>a row whose column is NULL is hidden (its age is unknown);</li>
 *   <li>a column of that name with any other type fails the query with {@link QueryExecutionException}
 *       rather than show rows the floor cannot judge.</li>
 * </ul>
 * Lakehouse timestamps have microsecond precision, so {@code earliest} is rounded up to the next whole
 * microsecond: a row is visible exactly when its stored value is not earlier than {@code earliest}.
 *
 * @param column   the column compared, e.g. {@code ts}; chosen by code, never taken from user text
 * @param earliest the first visible instant, from {@link #MIN_EARLIEST} to {@link #MAX_EARLIEST}
 */
public record RowFloor(String column, Instant earliest) {

    /** The earliest floor accepted (0001-01-01T00:00:00Z): a floor before it would hide nothing real. */
    public static final Instant MIN_EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest floor accepted (9999-12-31T23:59:59.999999Z). */
    public static final Instant MAX_EARLIEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** Validates the column name and the range of the instant. */
    public RowFloor {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(earliest, "earliest");
        if (column.isEmpty()) {
            throw new IllegalArgumentException("row floor column must not be empty");
        }
        if (earliest.isBefore(MIN_EARLIEST) || earliest.isAfter(MAX_EARLIEST)) {
            throw new IllegalArgumentException("row floor earliest must be between " + MIN_EARLIEST + " and "
                    + MAX_EARLIEST + ", got " + earliest);
        }
    }

    /**
     * The floor in microseconds since the Unix epoch, rounded up to a whole microsecond.
     *
     * @return the first visible microsecond
     */
    public long earliestMicros() {
        long micros = Math.multiplyExact(earliest.getEpochSecond(), 1_000_000L) + earliest.getNano() / 1000;
        return earliest.getNano() % 1000 == 0 ? micros : micros + 1;
    }
}
