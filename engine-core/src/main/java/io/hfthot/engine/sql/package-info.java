/**
 * The engine's one SQL SPI: {@link io.hfthot.engine.sql.QueryEngine}, read-only SQL over the lakehouse's tables
 * for a caller, implemented outside engine-core so no SQL engine is on its compile path (the embedded default is
 * lakehouse-duckdb's {@code DuckDbQueryEngine}); and the limits every implementation applies per caller:
 * {@link io.hfthot.engine.sql.SqlLimits} (concurrent queries per key and account, server-wide, and per-tier time
 * limits) enforced by {@link io.hfthot.engine.sql.SqlAdmission}.
 */
package io.hfthot.engine.sql;
