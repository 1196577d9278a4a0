package io.hfthot.server.wiring;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.lab.api.SqlResponse;
import io.hfthot.engine.history.TableHistory;
import io.hfthot.engine.lab.sql.LabSql;
import io.hfthot.engine.lab.sql.SqlAdmission;
import io.hfthot.engine.lab.sql.SqlLimits;
import io.hfthot.engine.lab.sql.SqlFormat;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.duckdb.DuckDbQueryEngine;
import io.hfthot.lakehouse.duckdb.DuckDbSettings;
import io.hfthot.lakehouse.duckdb.InvalidQueryException;
import io.hfthot.lakehouse.duckdb.LakehouseTableResolver;
import io.hfthot.lakehouse.duckdb.QueryEngine;
import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import io.hfthot.lakehouse.duckdb.QueryOptions;
import io.hfthot.lakehouse.duckdb.QueryRejectedException;
import io.hfthot.lakehouse.duckdb.QueryResult;
import io.hfthot.lakehouse.duckdb.QueryTimeoutException;
import io.hfthot.lakehouse.duckdb.ResultFormat;
import io.hfthot.lakehouse.duckdb.RowFloor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The lab's {@link LabSql} served by DuckDB: {@link DuckDbQueryEngine} over a {@link LakehouseTableResolver}
 * that exposes only the {@code market} schema of the lab's lakehouse.
 *
 * <p>Use it as the SQL factory when starting the engine:
 * <pre>{@code
 * LabService lab = LabService.start(config, clock, DuckDbLabSql::forLab);
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
public final class DuckDbLabSql implements LabSql {
    /** The schemas SQL may read: market data and the trade ideas' audit table ({@code hti.ideas}). */
    public static final Set<String> PUBLIC_SCHEMAS = Set.of("market", "hti");

    private final QueryEngine engine;
    private final QueryOptions options;
    private final SqlLimits limits;
    private final SqlAdmission admission;

    /**
     * Wraps a query engine.
     *
     * @param engine  the engine (closed by {@link #close()})
     * @param options row cap of every query (the time limit comes from {@code limits})
     * @param limits  concurrency caps and per-tier time limits
     */
    public DuckDbLabSql(QueryEngine engine, QueryOptions options, SqlLimits limits) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.options = Objects.requireNonNull(options, "options");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.admission = new SqlAdmission(limits);
    }

    /**
     * Starts DuckDB over a lab's lakehouse with default settings and limits and no spilling (for tests and
     * embedding; the server uses {@link #factory}).
     *
     * @param lakehouse the lab's lakehouse
     * @return the SQL seam
     */
    public static DuckDbLabSql forLab(Lakehouse lakehouse) {
        SqlLimits limits = SqlLimits.defaults();
        DuckDbQueryEngine engine = DuckDbQueryEngine.start(DuckDbSettings.forRoot(lakehouse.basePath()).withPoolSize(limits.concurrent()),
                new LakehouseTableResolver(lakehouse, PUBLIC_SCHEMAS));
        return new DuckDbLabSql(engine, QueryOptions.defaults(), limits);
    }

    /**
     * The SQL factory the server gives {@code LabService.start}: DuckDB with the configured memory, threads,
     * connections and spill directory (under {@code dataDir}), and the configured limits.
     *
     * @param config  the SQL configuration
     * @param dataDir the server's data directory
     * @return the factory
     */
    public static Function<Lakehouse, LabSql> factory(SqlConfig config, Path dataDir) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(dataDir, "dataDir");
        return lakehouse -> new DuckDbLabSql(DuckDbQueryEngine.start(config.engineSettings(lakehouse.basePath(), dataDir),
                new LakehouseTableResolver(lakehouse, PUBLIC_SCHEMAS)), QueryOptions.defaults(), config.limits());
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
