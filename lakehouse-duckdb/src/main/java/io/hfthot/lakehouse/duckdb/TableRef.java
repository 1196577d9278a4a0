package io.hfthot.lakehouse.duckdb;

import java.util.Objects;

/**
 * A lakehouse table named in a query: {@code schema.table} and its time-travel clause.
 *
 * <p>Names are passed as DuckDB's parser returns them (case kept, quotes removed); SQL identifiers are
 * case-insensitive, so resolvers usually compare them ignoring case.
 *
 * @param schema     the schema part, e.g. {@code market}
 * @param table      the table part, e.g. {@code ohlcv}
 * @param timeTravel the snapshot asked for
 */
public record TableRef(String schema, String table, TimeTravel timeTravel) {

    /** Validates the names. */
    public TableRef {
        requireName("schema", schema);
        requireName("table", table);
        Objects.requireNonNull(timeTravel, "timeTravel");
    }

    /** The latest snapshot of {@code schema.table}. */
    public static TableRef latest(String schema, String table) {
        return new TableRef(schema, table, TimeTravel.latest());
    }

    /** {@code schema.table}, without the time-travel clause. */
    public String qualifiedName() {
        return schema + "." + table;
    }

    @Override
    public String toString() {
        String clause = timeTravel.toString();
        return clause.isEmpty() ? qualifiedName() : qualifiedName() + " " + clause;
    }

    private static void requireName(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
