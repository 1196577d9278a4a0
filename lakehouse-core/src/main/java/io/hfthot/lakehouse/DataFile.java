package io.hfthot.lakehouse;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One Parquet data file of a snapshot, as a query engine needs it.
 *
 * <p>Partition columns are not stored inside the file: their values are in {@link #partitionValues()} as the
 * Delta log holds them (strings, or null for a null partition value), and an engine adds them as constant
 * columns. Dates are {@code yyyy-MM-dd}, timestamps {@code yyyy-MM-dd HH:mm:ss[.SSSSSS]} in UTC.
 *
 * @param path             absolute path of the file
 * @param relativePath     the path as written in the log ({@code add.path}, URI-encoded, relative to the table)
 * @param partitionValues  partition column to value string (null values allowed)
 * @param size             file size in bytes
 * @param modificationTime writer's modification time, epoch milliseconds
 * @param stats            file statistics, or null when the writer recorded none
 * @param deletionVector   rows of the file that are deleted, or null; a reader that reads the file itself must
 *                         drop them (or refuse the file), as {@link Snapshot#read} does
 */
public record DataFile(Path path, String relativePath, Map<String, String> partitionValues, long size,
                       long modificationTime, FileStats stats, DeletionVector deletionVector) {
    /** Copies the map (which may contain null values). */
    public DataFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
        partitionValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(partitionValues));
    }

    /** A file without a deletion vector. */
    public DataFile(Path path, String relativePath, Map<String, String> partitionValues, long size, long modificationTime,
                    FileStats stats) {
        this(path, relativePath, partitionValues, size, modificationTime, stats, null);
    }

    /** Returns the number of rows that are not deleted, from statistics; -1 when the file has no statistics. */
    public long liveRows() {
        return stats == null ? -1 : stats.numRecords() - (deletionVector == null ? 0 : deletionVector.cardinality());
    }
}
