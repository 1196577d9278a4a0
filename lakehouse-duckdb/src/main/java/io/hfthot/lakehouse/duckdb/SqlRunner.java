package io.hfthot.lakehouse.duckdb;

/**
 * Runs one read-only SQL query over lakehouse tables and returns its encoded result.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>Only a single {@code SELECT} (or {@code WITH ... SELECT}) statement is accepted; anything else, and
 *       anything that would touch files other than the resolved snapshots' data files, fails with
 *       {@link QueryRejectedException} before it runs.</li>
 *   <li>Table names are {@code schema.table}; each may be followed by {@code VERSION AS OF n} or
 *       {@code TIMESTAMP AS OF '...'}. A table referenced several times without a time-travel clause is read
 *       from one snapshot within one query.</li>
 *   <li>Unknown tables, bad versions or timestamps, syntax and binding errors fail with
 *       {@link InvalidQueryException} (or its subclass {@link TableResolutionException}).</li>
 *   <li>At most {@link QueryOptions#maxRows()} rows are returned; when the query has more,
 *       {@link QueryResult#truncated()} is {@code true}. A query running longer than
 *       {@link QueryOptions#timeout()} is cancelled and fails with {@link QueryTimeoutException}.</li>
 *   <li>With a {@link QueryOptions#rowFloor()}, every read of a table that has the floor's column (each
 *       reference, in joins, subqueries, CTEs and time-travel reads alike) sees only the rows at or above the
 *       floor; tables without the column are read whole (see {@link RowFloor}). Without one, every row is
 *       visible.</li>
 *   <li>Internal failures fail with {@link QueryExecutionException}. Every failure is a {@link QueryException}.</li>
 *   <li>Implementations are thread-safe; {@link #close()} releases native resources, after which
 *       {@code query} fails with {@link IllegalStateException}.</li>
 * </ul>
 */
public interface SqlRunner extends AutoCloseable {

    /**
     * Runs {@code sql} with the given limits and output format.
     *
     * @param sql     one SELECT or WITH statement; a single trailing semicolon is allowed
     * @param options row limit, time limit, result format and row floor
     * @return the encoded result with its column descriptions
     * @throws QueryException when the query is refused, invalid, too slow or fails
     */
    QueryResult query(String sql, QueryOptions options);

    /** Releases the engine's connections and native memory. Idempotent. */
    @Override
    void close();
}
