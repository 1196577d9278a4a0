package io.hfthot.lakehouse.duckdb;

import io.hfthot.lakehouse.duckdb.internal.DeltaTypes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One snapshot of a lakehouse table as the SQL engine reads it.
 *
 * <p>Delta Lake does not store partition columns in the data files: their values are strings in the log.
 * The engine adds them back as typed constants, so every {@link DataFile} carries a value (possibly
 * {@code null}) for every partition column.
 *
 * @param version          the snapshot's commit version
 * @param columns          every column of the table in schema order, partition columns included
 * @param partitionColumns the names of the partition columns (each one is in {@code columns})
 * @param files            the snapshot's data files; empty for an empty table
 */
public record ResolvedTable(long version, List<Column> columns, List<String> partitionColumns, List<DataFile> files) {

    /** Validates that the partition columns exist and that every file has a value for each of them. */
    public ResolvedTable {
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, got " + version);
        }
        columns = List.copyOf(columns);
        partitionColumns = List.copyOf(partitionColumns);
        files = List.copyOf(files);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("duplicate column name \"" + column.name() + "\"");
            }
        }
        for (String partition : partitionColumns) {
            if (!names.contains(partition)) {
                throw new IllegalArgumentException("partition column \"" + partition + "\" is not among the columns " + names);
            }
        }
        for (DataFile file : files) {
            if (!file.partitionValues().keySet().equals(new HashSet<>(partitionColumns))) {
                throw new IllegalArgumentException("data file " + file.path() + " has partition values for "
                        + file.partitionValues().keySet() + " but the partition columns are " + partitionColumns);
            }
        }
    }

    /**
     * A column of the table.
     *
     * @param name the column name
     * @param type a Delta type: {@code string}, {@code long}, {@code integer}, {@code short},
     *             {@code byte}, {@code float}, {@code double}, {@code boolean}, {@code binary}, {@code date},
     *             {@code timestamp}, {@code timestamp_ntz}, {@code decimal(p,s)}, or a nested type written as in
     *             Spark DDL: {@code struct<`a`:long,`b`:string>}, {@code array<long>}, {@code map<string,double>}
     */
    public record Column(String name, String type) {
        /** Validates the name and the type. */
        public Column {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("column name must not be empty");
            }
            DeltaTypes.toDuckDb(type);
        }
    }

    /**
     * A Parquet data file of the snapshot.
     *
     * @param path            absolute path of the file
     * @param partitionValues the file's partition values in Delta's string serialization; a {@code null} value is
     *                        SQL NULL
     */
    public record DataFile(Path path, Map<String, String> partitionValues) {
        /** Validates the path and copies the map (which may hold {@code null} values). */
        public DataFile {
            Objects.requireNonNull(path, "path");
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("data file path must be absolute, got " + path);
            }
            Map<String, String> copy = new LinkedHashMap<>(partitionValues);
            partitionValues = Collections.unmodifiableMap(copy);
        }

        /** A file of an unpartitioned table. */
        public static DataFile of(Path path) {
            return new DataFile(path, Map.of());
        }
    }

    /** The names of the columns stored in the data files (the non-partition columns), in schema order. */
    public List<Column> dataColumns() {
        List<Column> data = new ArrayList<>();
        for (Column column : columns) {
            if (!partitionColumns.contains(column.name())) {
                data.add(column);
            }
        }
        return data;
    }
}
