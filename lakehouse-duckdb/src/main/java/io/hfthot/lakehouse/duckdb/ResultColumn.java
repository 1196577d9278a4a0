package io.hfthot.lakehouse.duckdb;

import java.util.Objects;

/**
 * One column of a query result.
 *
 * @param name the column name as the query produced it
 * @param type the DuckDB type name, e.g. {@code BIGINT}, {@code DOUBLE}, {@code VARCHAR},
 *             {@code TIMESTAMP WITH TIME ZONE}, {@code DECIMAL(18,3)}
 */
public record ResultColumn(String name, String type) {
    /** Checks both parts are present. */
    public ResultColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
