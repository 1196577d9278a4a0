package io.hfthot.engine.sql;

import io.hfthot.engine.identity.Principal;
import java.time.Instant;

/**
 * Runs read-only SQL over the lakehouse's tables for a caller: the engine's one SQL SPI, which keeps a SQL engine
 * (DuckDB by default, {@code io.hfthot.lakehouse.duckdb.DuckDbQueryEngine}) out of engine-core's compile path.
 *
 * <p>Contract: {@link #query} accepts a single SELECT (with the table names {@code market.ohlcv},
 * {@code market.ticks}, {@code auth.usage}, ... and {@code VERSION AS OF n} / {@code TIMESTAMP AS OF '...'}
 * time travel) and never changes stored data. A statement that is not a read-only SELECT, does not parse,
 * or names an unknown table or version throws {@link io.hfthot.engine.EngineException} with code
 * {@code INVALID_PARAMS} and parameter {@code sql}; a caller over its share of concurrent queries, or a server
 * whose query slots stay busy, gets {@code RATE_LIMITED} (see {@link SqlAdmission}); an engine failure throws it
 * with code {@code INTERNAL_ERROR}. Thread-safe. {@link #close()} releases the engine's resources.
 *
 * <p>Historical depth: with a {@code visibleFrom}, the rows of every table whose {@code ts} column
 * ({@link io.hfthot.engine.history.TableHistory#TIME_COLUMN}) is earlier than it do not exist for the query,
 * however the statement reads the table (joins, subqueries, CTEs, {@code VERSION AS OF} /
 * {@code TIMESTAMP AS OF}); an implementation must apply the bound where the table is read, never by
 * rewriting or inspecting the user's text. Tables without a {@code ts} column are read whole. A {@code ts}
 * column that the bound cannot be applied to fails the query with {@code INTERNAL_ERROR} instead of showing
 * rows unfiltered.
 */
public interface QueryEngine extends AutoCloseable {
    /**
     * Runs a query.
     *
     * @param sql         the statement
     * @param format      the result encoding
     * @param visibleFrom the first instant the caller may read (rows with an earlier {@code ts} are invisible),
     *                    or null for every row
     * @param caller      the authenticated caller: its key and its account (the key's owner) bound its concurrent queries, its tier the
     *                    query's time limit
     * @return the encoded result
     */
    SqlResponse query(String sql, SqlFormat format, Instant visibleFrom, Principal caller);

    /** Releases the engine's resources; idempotent. */
    @Override
    void close();
}
