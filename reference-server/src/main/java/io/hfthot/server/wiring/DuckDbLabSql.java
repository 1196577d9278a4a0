package io.hfthot.server.wiring;

import io.hfthot.engine.lab.LabException;
import io.hfthot.engine.lab.api.SqlResponse;
import io.hfthot.engine.lab.history.TableHistory;
import io.hfthot.engine.lab.sql.LabSql;
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
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The lab's {@link LabSql} served by DuckDB: {@link DuckDbQueryEngine} over a {@link LakehouseTableResolver}
 * that exposes only the {@code market} schema of the lab's lakehouse.
 *
 * <p>Use it as the SQL factory when starting the engine:
 * <pre>{@code
 * LabEngine lab = LabEngine.start(config, clock, DuckDbLabSql::forLab);
 * }</pre>
 * Errors: a rejected statement (not a single SELECT, or touching files, settings or extensions), an invalid
 * query, an unknown table or version and a timeout map to {@code INVALID_PARAMS} naming {@code sql}; an engine
 * failure maps to {@code INTERNAL_ERROR}.
 *
 * <p>Historical depth: the caller's {@code visibleFrom} becomes the query's {@link RowFloor} on {@code ts}, which
 * DuckDB applies inside the scan of every table reference (see {@code docs/sql.md}); a bound before year 1 is
 * raised to {@link RowFloor#MIN_EARLIEST}, which hides nothing a market table holds.
 */
public final class DuckDbLabSql implements LabSql {
    /** The schemas SQL may read. */
    public static final Set<String> PUBLIC_SCHEMAS = Set.of("market");

    private final QueryEngine engine;
    private final QueryOptions options;

    /**
     * Wraps a query engine.
     *
     * @param engine  the engine (closed by {@link #close()})
     * @param options row cap and timeout of every query
     */
    public DuckDbLabSql(QueryEngine engine, QueryOptions options) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Starts DuckDB over a lab's lakehouse with default settings and options.
     *
     * @param lakehouse the lab's lakehouse
     * @return the SQL seam
     */
    public static DuckDbLabSql forLab(Lakehouse lakehouse) {
        DuckDbQueryEngine engine = DuckDbQueryEngine.start(DuckDbSettings.forRoot(lakehouse.basePath()),
                new LakehouseTableResolver(lakehouse, PUBLIC_SCHEMAS));
        return new DuckDbLabSql(engine, QueryOptions.defaults());
    }

    @Override
    public SqlResponse query(String sql, SqlFormat format, Instant visibleFrom) {
        ResultFormat resultFormat = format == SqlFormat.ARROW ? ResultFormat.ARROW : ResultFormat.JSON;
        RowFloor floor = visibleFrom == null ? null : new RowFloor(TableHistory.TIME_COLUMN,
                visibleFrom.isBefore(RowFloor.MIN_EARLIEST) ? RowFloor.MIN_EARLIEST : visibleFrom);
        try {
            QueryResult r = engine.query(sql, options.withFormat(resultFormat).withRowFloor(floor));
            return new SqlResponse(r.contentType(), r.body(), r.rowCount(), r.truncated());
        } catch (QueryRejectedException | InvalidQueryException | QueryTimeoutException e) {
            throw LabException.invalid("sql", e.getMessage());
        } catch (QueryExecutionException e) {
            throw LabException.internal("the SQL engine failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
