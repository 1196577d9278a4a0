/**
 * Sandboxed read-only SQL over lakehouse tables through an embedded DuckDB.
 *
 * <p>{@link io.hfthot.lakehouse.duckdb.QueryEngine} is the SPI; {@link io.hfthot.lakehouse.duckdb.DuckDbQueryEngine}
 * is the embedded implementation. Lakehouse table names ({@code schema.table}, optionally followed by
 * {@code VERSION AS OF n} or {@code TIMESTAMP AS OF '...'}) are turned into file lists by a
 * {@link io.hfthot.lakehouse.duckdb.TableResolver}, which the lakehouse provides.
 */
package io.hfthot.lakehouse.duckdb;
