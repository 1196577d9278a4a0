package io.hfthot.lakehouse.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.DataFile;
import io.hfthot.lakehouse.DataFileMissingException;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.FileStats;
import io.hfthot.lakehouse.Predicate;
import io.hfthot.lakehouse.Schema;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.actions.ActionJson;
import io.hfthot.lakehouse.internal.log.ColumnMapping;
import io.hfthot.lakehouse.internal.parquet.DataFileReader;
import io.hfthot.lakehouse.storage.LogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a snapshot's rows: file pruning by partition values and stats, column projection, exact row filtering. */
public final class Scans {
    private Scans() {
    }

    /** Parses {@code add.stats}; null when absent or unparseable (the file is then never skipped). */
    public static FileStats parseStats(String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            JsonNode n = ActionJson.MAPPER.readTree(json);
            if (!n.has("numRecords")) {
                return null;
            }
            return new FileStats(n.get("numRecords").asLong(), values(n.get("minValues")), values(n.get("maxValues")), counts(n.get("nullCount")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Object> values(JsonNode n) {
        Map<String, Object> out = new HashMap<>();
        if (n != null && n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isIntegralNumber()) {
                    out.put(e.getKey(), v.asLong());
                } else if (v.isNumber()) {
                    out.put(e.getKey(), v.asDouble());
                } else if (v.isTextual()) {
                    out.put(e.getKey(), v.asText());
                }
            }
        }
        return out;
    }

    private static Map<String, Long> counts(JsonNode n) {
        Map<String, Long> out = new HashMap<>();
        if (n != null && n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isIntegralNumber()) {
                    out.put(e.getKey(), e.getValue().asLong());
                }
            }
        }
        return out;
    }

    /** Converts a live add action to the public {@link DataFile}. */
    public static DataFile toDataFile(Path tableRoot, Action.AddFile add) {
        return toDataFile(tableRoot, add, ColumnMapping.NONE);
    }

    /** Converts a live add action, translating physical column names in partition values and stats to logical ones. */
    public static DataFile toDataFile(Path tableRoot, Action.AddFile add, ColumnMapping mapping) {
        FileStats stats = parseStats(add.stats());
        if (stats != null && mapping.active()) {
            stats = new FileStats(stats.numRecords(), mapping.toLogical(stats.minValues()), mapping.toLogical(stats.maxValues()),
                    mapping.toLogical(stats.nullCount()));
        }
        return new DataFile(FilePaths.resolve(tableRoot, add.path()), add.path(), mapping.toLogical(add.partitionValues()),
                add.size(), add.modificationTime(), stats, add.deletionVector());
    }

    /** Decodes a file's partition values to typed values. */
    public static Map<String, Object> typedPartitionValues(Schema schema, List<String> partitionColumns, Map<String, String> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String c : partitionColumns) {
            out.put(c, PartitionValues.decode(schema.field(c).type(), c, values.get(c)));
        }
        return out;
    }

    /** Returns the files a predicate may match (all when null). */
    public static List<DataFile> prune(List<DataFile> files, Schema schema, List<String> partitionColumns, Predicate predicate) {
        if (predicate == null) {
            return files;
        }
        predicate.validate(schema);
        List<DataFile> out = new ArrayList<>();
        for (DataFile f : files) {
            if (predicate.mightMatch(schema, typedPartitionValues(schema, partitionColumns, f.partitionValues()), f.stats())) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Reads the given columns of one file (partition columns are filled from its partition values), keeping only
     * rows matching the predicate when one is given.
     *
     * @param describe how to name the snapshot in a missing-file error
     */
    public static ColumnBatch readFile(LogStore store, Path tableRoot, DataFile file, Schema schema, List<String> partitionColumns,
                                       Schema output, Predicate predicate, String describe) {
        return readFile(store, tableRoot, file, schema, partitionColumns, output, predicate, describe, ColumnMapping.NONE);
    }

    /** As {@link #readFile(LogStore, Path, DataFile, Schema, List, Schema, Predicate, String)}, through a column mapping. */
    public static ColumnBatch readFile(LogStore store, Path tableRoot, DataFile file, Schema schema, List<String> partitionColumns,
                                       Schema output, Predicate predicate, String describe, ColumnMapping mapping) {
        Set<String> needed = new LinkedHashSet<>(output.names());
        if (predicate != null) {
            needed.addAll(predicate.columns());
        }
        List<Field> dataCols = new ArrayList<>();
        List<Field> readCols = new ArrayList<>();
        for (String n : needed) {
            Field f = schema.field(n);
            readCols.add(f);
            if (!partitionColumns.contains(n)) {
                dataCols.add(f);
            }
        }
        Schema readSchema = new Schema(readCols);
        ColumnBatch data;
        int rows;
        try {
            if (dataCols.isEmpty()) {
                data = null;
                rows = file.stats() != null ? (int) file.stats().numRecords()
                        : readData(store, file.path(), new Schema(List.of(firstDataColumn(schema, partitionColumns))), mapping).rowCount();
            } else {
                data = readData(store, file.path(), new Schema(dataCols), mapping);
                rows = data.rowCount();
            }
        } catch (NoSuchFileException e) {
            throw new DataFileMissingException(describe + " references data file " + file.relativePath()
                    + " which no longer exists: vacuum deleted it after it had been removed from the table for longer"
                    + " than the vacuum retention (at least the table's delta.deletedFileRetentionDuration, default 7"
                    + " days, unless forced), or an erasure purged it; that version can no longer be read");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + file.path() + " of " + describe, e);
        }
        int[] live = null;
        if (file.deletionVector() != null) {
            DeletedRows deleted = DeletedRows.load(store, tableRoot, file.deletionVector(), describe + ", file " + file.relativePath());
            live = new int[rows];
            int k = 0;
            for (int i = 0; i < rows; i++) {
                if (!deleted.contains(i)) {
                    live[k++] = i;
                }
            }
            live = java.util.Arrays.copyOf(live, k);
        }
        Map<String, Object> pv = typedPartitionValues(schema, partitionColumns, file.partitionValues());
        List<ColumnVector> cols = new ArrayList<>(readCols.size());
        for (Field f : readCols) {
            cols.add(partitionColumns.contains(f.name()) ? ColumnVector.constant(f.type(), pv.get(f.name()), rows) : data.column(f.name()));
        }
        ColumnBatch batch = new ColumnBatch(readSchema, cols);
        if (live != null) {
            batch = batch.select(live, live.length);
        }
        if (predicate != null) {
            boolean[] mask = predicate.evaluate(batch);
            int[] keep = new int[mask.length];
            int k = 0;
            for (int i = 0; i < mask.length; i++) {
                if (mask[i]) {
                    keep[k++] = i;
                }
            }
            if (k != mask.length) {
                batch = batch.select(keep, k);
            }
        }
        return project(batch, output);
    }

    /** Reads logical columns from a file whose columns carry physical names (or field ids), as logical columns. */
    private static ColumnBatch readData(LogStore store, Path path, Schema logical, ColumnMapping mapping) throws java.io.IOException {
        if (!mapping.active()) {
            return new DataFileReader(store).read(path, logical);
        }
        List<Field> physical = new ArrayList<>(logical.size());
        Integer[] ids = new Integer[logical.size()];
        for (int i = 0; i < logical.size(); i++) {
            Field f = logical.fields().get(i);
            physical.add(mapping.physicalField(f));
            ids[i] = mapping.fieldId(f.name());
        }
        ColumnBatch read = new DataFileReader(store).read(path, new Schema(physical), ids);
        List<ColumnVector> cols = new ArrayList<>(logical.size());
        for (int i = 0; i < logical.size(); i++) {
            Field f = logical.fields().get(i);
            ColumnVector v = read.column(i);
            if (f.nested() != null) {
                // struct fields inside come keyed by physical names: rename them to the logical ones
                Object[] values = new Object[v.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = ColumnMapping.toLogical(v.get(r), f, physical.get(i));
                }
                v = ColumnVector.of(f.type(), values);
            }
            cols.add(v);
        }
        return new ColumnBatch(logical, cols);
    }

    private static Field firstDataColumn(Schema schema, List<String> partitionColumns) {
        for (Field f : schema.fields()) {
            if (!partitionColumns.contains(f.name())) {
                return f;
            }
        }
        throw new IllegalStateException("a table needs at least one non-partition column");
    }

    static ColumnBatch project(ColumnBatch batch, Schema output) {
        if (batch.schema().equals(output)) {
            return batch;
        }
        List<ColumnVector> cols = new ArrayList<>(output.size());
        for (Field f : output.fields()) {
            cols.add(batch.column(f.name()));
        }
        return new ColumnBatch(output, cols);
    }
}
