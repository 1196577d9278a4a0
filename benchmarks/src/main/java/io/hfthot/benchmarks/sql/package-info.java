/**
 * JMH benchmarks of the sandboxed SQL engine ({@code lakehouse-duckdb}) against DuckDB alone on the same files.
 */
package io.hfthot.benchmarks.sql;
