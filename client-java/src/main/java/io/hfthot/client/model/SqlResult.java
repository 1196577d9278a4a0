package io.hfthot.client.model;

import java.util.List;
import java.util.Objects;

/**
 * The JSON answer of {@code GET /v1/lakehouse/query} ({@code format=json}): rows are arrays in column order.
 *
 * @param columns   the columns
 * @param rows      the rows, each a list of values (numbers, strings, booleans or null) in column order
 * @param rowCount  rows returned
 * @param truncated whether the server's row cap cut the result
 * @param tables    the table snapshots read
 * @param elapsedMs the server's time, in ms
 */
public record SqlResult(List<Column> columns, List<List<Object>> rows, long rowCount, boolean truncated,
                        List<TableSnapshot> tables, double elapsedMs) {
    /** Checks and copies (values may be null: SQL NULL). */
    public SqlResult {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        rows = Objects.requireNonNull(rows, "rows").stream().map(Checks::copy).toList();
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /**
     * A result column.
     *
     * @param name the column name
     * @param type its DuckDB type, e.g. {@code DOUBLE}
     */
    public record Column(String name, String type) {
    }

    /**
     * A table snapshot a query read.
     *
     * @param table   the table as written in the SQL
     * @param version the version it resolved to
     */
    public record TableSnapshot(String table, long version) {
    }
}
