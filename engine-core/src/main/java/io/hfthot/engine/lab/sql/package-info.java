/**
 * The lab's SQL seam: {@link io.hfthot.engine.lab.sql.LabSql}, implemented outside engine-core (the
 * reference server adapts lakehouse-duckdb's {@code DuckDbQueryEngine} to it).
 */
package io.hfthot.engine.lab.sql;
