/**
 * Implementation details of the DuckDB query engine: SQL tokenizer, statement inspection, rewriting of
 * table references into Parquet scans, connection pool and result encoders. Not a public API.
 */
package io.hfthot.lakehouse.duckdb.internal;
