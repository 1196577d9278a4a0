package io.hfthot.lakehouse.duckdb;

/**
 * Turns a table reference into the data files of one snapshot: the lakehouse's side of the SQL engine.
 *
 * <p>Contract: implementations are thread-safe and read-only. A table that does not exist, a version that
 * does not exist, or a timestamp before the first commit are user errors and throw
 * {@link TableResolutionException} with a message naming the table and the accepted range. Every returned
 * file path is absolute and lies under the lakehouse root the engine was configured with; the files of a
 * snapshot are immutable, so an engine may cache their metadata by path.
 */
@FunctionalInterface
public interface TableResolver {

    /**
     * Resolves {@code ref} to a snapshot.
     *
     * @param ref the table and the snapshot asked for
     * @return the snapshot's schema, partition columns and data files
     * @throws TableResolutionException when the table, version or timestamp does not resolve
     */
    ResolvedTable resolve(TableRef ref);
}
