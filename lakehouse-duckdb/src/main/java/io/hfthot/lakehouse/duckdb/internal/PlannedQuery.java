package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.SnapshotRead;

import java.util.List;

/**
 * A checked query ready to run: the SQL DuckDB executes and the snapshots it reads.
 *
 * @param sql       the user's SQL with every lakehouse table reference replaced by a Parquet scan
 * @param snapshots the snapshots read, in order of first reference
 */
public record PlannedQuery(String sql, List<SnapshotRead> snapshots) {
    /** Copies the list. */
    public PlannedQuery {
        snapshots = List.copyOf(snapshots);
    }
}
