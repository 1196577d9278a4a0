package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import io.hfthot.lakehouse.duckdb.ResolvedTable;
import io.hfthot.lakehouse.duckdb.RowFloor;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Wraps the scan of one resolved snapshot so that rows below a {@link RowFloor} do not exist in it.
 *
 * <p>Shape: {@code (SELECT * FROM <scan> WHERE "ts" >= TIMESTAMPTZ '2026-01-01 00:30:00.000000+00')}. The filter
 * sits inside the relation that replaces the table reference, so every way the user's SQL can read the table
 * (joins, subqueries, CTEs, time travel) reads the filtered relation; DuckDB pushes the constant comparison down
 * into the Parquet scans, where row-group statistics skip old data. Both the column name and the literal come
 * from code: the name is the table's own column name (quoted), the literal is formatted from an {@link Instant}.
 */
public final class RowFloorSql {

    // Microsecond precision, the lakehouse's timestamp precision; the year is four digits by RowFloor's range.
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private RowFloorSql() {
    }

    /**
     * The relation {@code scan} restricted to rows at or above {@code floor}; {@code scan} itself when there is
     * no floor or the table has no such column.
     *
     * @param scan      the parenthesized relation reading the snapshot (from {@link ScanSqlBuilder#scan})
     * @param table     the snapshot, whose columns decide whether and how the floor applies
     * @param floor     the floor, or null
     * @param tableName the table's name, for error messages
     * @throws QueryExecutionException when the table has the floor's column with a type other than a timestamp
     */
    public static String apply(String scan, ResolvedTable table, RowFloor floor, String tableName) {
        if (floor == null) {
            return scan;
        }
        ResolvedTable.Column column = null;
        for (ResolvedTable.Column c : table.columns()) {
            // SQL identifiers are case-insensitive: DuckDB would bind "TS" to a column named ts.
            if (c.name().equalsIgnoreCase(floor.column())) {
                column = c;
                break;
            }
        }
        if (column == null) {
            return scan;
        }
        return "(SELECT * FROM " + scan + " WHERE " + ScanSqlBuilder.quoteIdentifier(column.name()) + " >= "
                + literal(column, floor, tableName) + ')';
    }

    private static String literal(ResolvedTable.Column column, RowFloor floor, String tableName) {
        long micros = floor.earliestMicros();
        Instant rounded = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        String text = LITERAL.format(rounded);
        return switch (column.type().trim().toLowerCase(Locale.ROOT)) {
            case "timestamp" -> "TIMESTAMPTZ '" + text + "+00'";
            case "timestamp_ntz" -> "TIMESTAMP '" + text + "'";
            default -> throw new QueryExecutionException("table " + tableName + " has a column " + column.name()
                    + " of type " + column.type() + ", but the query's row floor on " + floor.column()
                    + " applies only to timestamp or timestamp_ntz columns; refusing to read it unfiltered");
        };
    }
}
