package io.hfthot.engine.lab;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.history.TableHistory;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.lab.api.ParquetExport;
import io.hfthot.engine.lab.api.TableRead;
import io.hfthot.engine.lab.api.TableVersions;
import io.hfthot.engine.sql.QueryEngine;
import io.hfthot.engine.sql.SqlFormat;
import io.hfthot.engine.sql.SqlResponse;
import io.hfthot.engine.storage.StorageGuard;
import java.util.List;
import java.util.Objects;

/**
 * Seed 000's lakehouse operations: read-only SQL through the engine's {@link QueryEngine}, Parquet export,
 * versions and time-travel reads, every one bounded by the caller's historical depth. Part of {@link LabService}.
 *
 * <p>Thread-safe; every operation validates its input and throws {@link EngineException}.
 */
public final class LabLakehouse {
    private final TableHistory history;
    private final StorageGuard storage;
    private final QueryEngine sql;
    private final CallerDepth depth;

    LabLakehouse(Engine engine, QueryEngine sql, CallerDepth depth) {
        this.history = engine.tableHistory();
        this.storage = engine.storage();
        this.sql = sql;
        this.depth = depth;
    }

    /**
     * {@code GET /v1/lakehouse/query}: a read-only SQL SELECT over the lakehouse tables (with
     * {@code VERSION AS OF}), encoded as JSON or Arrow. The caller's historical depth applies inside every table
     * read: rows whose {@code ts} is before the tier's earliest allowed instant do not exist for the query.
     *
     * @param caller    the authenticated caller (its tier bounds the rows visible)
     * @param statement the SQL
     * @param format    {@code json} (default when null) or {@code arrow}
     * @return the encoded result
     * @throws EngineException INVALID_PARAMS (sql, format), RATE_LIMITED (too many concurrent queries) or
     *                     INTERNAL_ERROR (no SQL engine configured)
     */
    public SqlResponse sql(Principal caller, String statement, String format) {
        Objects.requireNonNull(caller, "caller");
        SqlFormat f = SqlFormat.parse(format);
        if (statement == null || statement.isBlank()) {
            throw EngineException.invalid("sql", "sql is required: a DuckDB SELECT statement, e.g. SELECT * FROM market.ohlcv LIMIT 10");
        }
        if (sql == null) {
            throw EngineException.internal("no SQL engine is configured on this server", null);
        }
        return sql.query(statement, f, depth.visibleFrom(caller), caller);
    }

    /**
     * Exports a table (latest or at a version) as one Parquet file holding the rows the caller's tier may read
     * (rows whose {@code ts} is before its earliest allowed instant are not written).
     *
     * @param caller  the authenticated caller (its tier bounds the rows exported)
     * @param table   a public table, e.g. {@code market.ohlcv}
     * @param version the version, or null for the latest
     * @return the export, whose {@code rows} counts the rows written; close it after sending to delete the file
     * @throws EngineException INVALID_PARAMS (table, version)
     */
    public ParquetExport exportParquet(Principal caller, String table, Long version) {
        Objects.requireNonNull(caller, "caller");
        return storage.write("a Parquet export", () -> history.exportParquet(table, version, depth.visibleFrom(caller)));
    }

    /**
     * Lists the versions of a table.
     *
     * @param table a public table
     * @return the commits
     * @throws EngineException INVALID_PARAMS (table)
     */
    public TableVersions versions(String table) {
        return history.versions(table);
    }

    /**
     * Reads a table at a version: the rows the caller's tier may read (rows whose {@code ts} is before its
     * earliest allowed instant are neither returned nor counted).
     *
     * @param caller  the authenticated caller (its tier bounds the rows visible)
     * @param table   a public table
     * @param version the version
     * @param limit   rows to return (1..10000), or null for 100
     * @return the rows, with {@code row_count} the number of visible rows
     * @throws EngineException INVALID_PARAMS (table, version, limit)
     */
    public TableRead readVersion(Principal caller, String table, long version, Integer limit) {
        Objects.requireNonNull(caller, "caller");
        return history.readVersion(table, version, limit, depth.visibleFrom(caller));
    }

    /**
     * Reads a table as it was at an instant: the rows the caller's tier may read (as {@link #readVersion}).
     *
     * @param caller      the authenticated caller (its tier bounds the rows visible)
     * @param table       a public table
     * @param timestampMs the instant, Unix ms (a commit time; the depth applies to the rows' {@code ts})
     * @param limit       rows to return (1..10000), or null for 100
     * @return the rows, with {@code row_count} the number of visible rows
     * @throws EngineException INVALID_PARAMS (table, timestamp, limit)
     */
    public TableRead readAtTimestamp(Principal caller, String table, long timestampMs, Integer limit) {
        Objects.requireNonNull(caller, "caller");
        return history.readAtTimestamp(table, timestampMs, limit, depth.visibleFrom(caller));
    }

    /**
     * Lists the tables the API exposes.
     *
     * @return table names
     */
    public List<String> tables() {
        return history.tables();
    }
}
