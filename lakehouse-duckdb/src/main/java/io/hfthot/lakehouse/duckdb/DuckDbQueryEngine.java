package io.hfthot.lakehouse.duckdb;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.history.TableHistory;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.sql.QueryEngine;
import io.hfthot.engine.sql.SqlAdmission;
import io.hfthot.engine.sql.SqlFormat;
import io.hfthot.engine.sql.SqlLimits;
import io.hfthot.engine.sql.SqlResponse;
import io.hfthot.lakehouse.Lakehouse;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The engine's {@link QueryEngine} served by DuckDB: a {@link SqlRunner} ({@link DuckDbSqlRunner} over a
 * {@link LakehouseTableResolver} exposing only the {@code market} schema of the engine's lakehouse) behind the
 * per-caller admission, time limits and historical depth the SPI promises.
 *
 * <p>Use it as the SQL factory when starting the lab service:
 * <pre>{@code
 * LabService lab = LabService.start(config, clock, DuckDbQueryEngine::forLakehouse);
 * }</pre>
 * Errors: a rejected statement (not a single SELECT, or touching files, settings or extensions), an invalid
 * query, an unknown table or version and a timeout map to {@code INVALID_PARAMS} naming {@code sql}; a caller over
 * its share of concurrent queries or a server whose slots stay busy gets {@code RATE_LIMITED} ({@link SqlAdmission});
 * an engine failure maps to {@code INTERNAL_ERROR}.
 *
 * <p>Limits: each query runs within its caller's tier time limit ({@link SqlLimits#timeout}), and at most
 * {@link SqlLimits#concurrent()} run at once, which is also the DuckDB connection count, so an admitted query never
 * waits for a connection.
 *
 * <p>Historical depth: the caller's {@code visibleFrom} becomes the query's {@link RowFloor} on {@code ts}, which
 * DuckDB applies inside the scan of every table reference (see {@code docs/sql.md}); a bound before year 1 is
 * raised to {@link RowFloor#MIN_EARLIEST}, which hides nothing a market table holds.
 */
public final class DuckDbQueryEngine implements QueryEngine {
    /** The schemas SQL may read: market data and the trade ideas' audit table ({@code hti.ideas}). */
    public static final Set<String> PUBLIC_SCHEMAS = Set.of("market", "hti");

    private final SqlRunner engine;
    private final QueryOptions options;
    private final SqlLimits limits;
    private final SqlAdmission admission;

    /**
     * Wraps a SQL runner.
     *
     * @param engine  the runner (closed by {@link #close()})
     * @param options row cap of every query (the time limit comes from {@code limits})
     * @param limits  concurrency caps and per-tier time limits
     */
    public DuckDbQueryEngine(SqlRunner engine, QueryOptions options, SqlLimits limits) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.options = Objects.requireNonNull(options, "options");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.admission = new SqlAdmission(limits);
    }

    /**
     * Starts DuckDB over a lakehouse with default settings and limits and no spilling (for tests and embedding; a
     * server sizes it with {@link #over}).
     *
     * @param lakehouse the engine's lakehouse
     * @return the query engine
     */
    public static DuckDbQueryEngine forLakehouse(Lakehouse lakehouse) {
        SqlLimits limits = SqlLimits.defaults();
        return over(lakehouse, DuckDbSettings.forRoot(lakehouse.basePath()).withPoolSize(limits.concurrent()), limits);
    }

    /**
     * Starts DuckDB over a lakehouse with the given resources and limits.
     *
     * @param lakehouse the engine's lakehouse
     * @param settings  DuckDB's memory, threads, spill directory; its pool size should be {@code limits.concurrent()}
     *                  so an admitted query never waits for a connection
     * @param limits    concurrency caps and per-tier time limits
     * @return the query engine
     */
    public static DuckDbQueryEngine over(Lakehouse lakehouse, DuckDbSettings settings, SqlLimits limits) {
        Objects.requireNonNull(lakehouse, "lakehouse");
        return new DuckDbQueryEngine(DuckDbSqlRunner.start(settings, new LakehouseTableResolver(lakehouse, PUBLIC_SCHEMAS)),
                QueryOptions.defaults(), limits);
    }

    @Override
    public SqlResponse query(String sql, SqlFormat format, Instant visibleFrom, Principal caller) {
        Objects.requireNonNull(caller, "caller");
        try (SqlAdmission.Permit ignored = admission.admit(caller)) {
            return run(sql, format, visibleFrom, options.withTimeout(limits.timeout(caller.tier())));
        }
    }

    private SqlResponse run(String sql, SqlFormat format, Instant visibleFrom, QueryOptions perQuery) {
        ResultFormat resultFormat = format == SqlFormat.ARROW ? ResultFormat.ARROW : ResultFormat.JSON;
        RowFloor floor = visibleFrom == null ? null : new RowFloor(TableHistory.TIME_COLUMN,
                visibleFrom.isBefore(RowFloor.MIN_EARLIEST) ? RowFloor.MIN_EARLIEST : visibleFrom);
        try {
            QueryResult r = engine.query(sql, perQuery.withFormat(resultFormat).withRowFloor(floor));
            return new SqlResponse(r.contentType(), r.body(), r.rowCount(), r.truncated());
        } catch (QueryRejectedException | InvalidQueryException | QueryTimeoutException e) {
            throw EngineException.invalid("sql", e.getMessage());
        } catch (QueryExecutionException e) {
            throw EngineException.internal("the SQL engine failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
