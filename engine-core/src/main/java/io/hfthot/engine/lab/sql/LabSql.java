package io.hfthot.engine.lab.sql;

import io.hfthot.engine.lab.api.SqlResponse;

/**
 * Runs read-only SQL over the lab's lakehouse tables; the seam that keeps a SQL engine (DuckDB) out of
 * engine-core's compile path.
 *
 * <p>Contract: {@link #query} accepts a single SELECT (with the table names {@code market.ohlcv},
 * {@code market.ticks}, {@code auth.usage}, ... and {@code VERSION AS OF n} / {@code TIMESTAMP AS OF '...'}
 * time travel) and never changes stored data. A statement that is not a read-only SELECT, does not parse,
 * or names an unknown table or version throws {@link io.hfthot.engine.lab.LabException} with code
 * {@code INVALID_PARAMS} and parameter {@code sql}; an engine failure throws it with code
 * {@code INTERNAL_ERROR}. Thread-safe. {@link #close()} releases the engine's resources.
 */
public interface LabSql extends AutoCloseable {
    /**
     * Runs a query.
     *
     * @param sql    the statement
     * @param format the result encoding
     * @return the encoded result
     */
    SqlResponse query(String sql, SqlFormat format);

    /** Releases the engine's resources; idempotent. */
    @Override
    void close();
}
