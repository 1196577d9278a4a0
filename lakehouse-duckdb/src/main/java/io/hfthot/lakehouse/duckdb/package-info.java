/**
 * Sandboxed read-only SQL over lakehouse tables through an embedded DuckDB.
 */
package io.hfthot.lakehouse.duckdb;
