/**
 * Sandboxed read-only SQL over lakehouse tables through an embedded DuckDB.
 *
 * <p>{@link io.hfthot.lakehouse.duckdb.DuckDbQueryEngine} implements the engine's one SQL SPI,
 * {@code io.hfthot.engine.sql.QueryEngine} (per-caller admission, tier time limits, historical depth). Under it,
 * {@link io.hfthot.lakehouse.duckdb.SqlRunner} is the statement-level seam (one sandboxed SELECT with row, time and
 * row-floor limits) and {@link io.hfthot.lakehouse.duckdb.DuckDbSqlRunner} its DuckDB implementation. Lakehouse
 * table names ({@code schema.table}, optionally followed by {@code VERSION AS OF n} or {@code TIMESTAMP AS OF
 * '...'}) are turned into file lists by a {@link io.hfthot.lakehouse.duckdb.TableResolver}, which the lakehouse
 * provides.
 */
package io.hfthot.lakehouse.duckdb;
