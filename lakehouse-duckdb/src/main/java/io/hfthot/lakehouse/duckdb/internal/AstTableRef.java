package io.hfthot.lakehouse.duckdb.internal;

/**
 * A {@code schema.table} reference found in DuckDB's syntax tree.
 *
 * @param schema       the schema name
 * @param table        the table name
 * @param hasAlias     whether the query gave the reference an alias
 * @param byteLocation UTF-8 byte offset of the reference in the SQL DuckDB parsed
 */
public record AstTableRef(String schema, String table, boolean hasAlias, long byteLocation) {
}
