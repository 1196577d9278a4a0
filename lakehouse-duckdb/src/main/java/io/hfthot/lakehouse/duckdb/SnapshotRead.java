package io.hfthot.lakehouse.duckdb;

import java.util.Objects;

/**
 * Which snapshot of a table a query read.
 *
 * @param table   the table reference as written in the query (with its time-travel clause, if any)
 * @param version the snapshot version that was read
 * @param files   how many data files the snapshot has
 */
public record SnapshotRead(TableRef table, long version, int files) {
    /** Validates the fields. */
    public SnapshotRead {
        Objects.requireNonNull(table, "table");
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, got " + version);
        }
        if (files < 0) {
            throw new IllegalArgumentException("files must be >= 0, got " + files);
        }
    }
}
