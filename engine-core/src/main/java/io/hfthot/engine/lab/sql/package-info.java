/**
 * The lab's SQL seam: {@link io.hfthot.engine.lab.sql.LabSql}, implemented outside engine-core (the
 * reference server adapts lakehouse-duckdb's {@code DuckDbQueryEngine} to it), and the limits every
 * implementation applies per caller: {@link io.hfthot.engine.lab.sql.SqlLimits} (concurrent queries per key and
 * account, server-wide, and per-tier time limits) enforced by {@link io.hfthot.engine.lab.sql.SqlAdmission}.
 */
package io.hfthot.engine.lab.sql;
