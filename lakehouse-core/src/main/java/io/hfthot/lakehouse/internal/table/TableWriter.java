package io.hfthot.lakehouse.internal.table;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Schema;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.parquet.DataFileWriter;
import io.hfthot.lakehouse.internal.parquet.WrittenFile;
import io.hfthot.lakehouse.storage.LogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes a batch as the data files of one table (one file per partition value combination) and returns their
 * {@code add} actions; files are durable when this returns and none is referenced by any commit yet.
 */
public final class TableWriter {
    private final LogStore store;
    private final Path tablePath;
    private final Clock clock;
    private final int rowGroupRows;
    private final String tableName;

    /** Creates a writer for one table. */
    public TableWriter(LogStore store, Path tablePath, Clock clock, int rowGroupRows, String tableName) {
        this.store = store;
        this.tablePath = tablePath;
        this.clock = clock;
        this.rowGroupRows = rowGroupRows;
        this.tableName = tableName;
    }

    /**
     * Writes the batch's rows, grouped by partition values, with {@code dataChange} as given.
     *
     * <p>On failure the files already written are deleted and the exception is rethrown.
     */
    public List<Action.AddFile> write(ColumnBatch data, Schema schema, List<String> partitionColumns, boolean dataChange) {
        List<Field> dataFields = new ArrayList<>();
        for (Field f : schema.fields()) {
            if (!partitionColumns.contains(f.name())) {
                dataFields.add(f);
            }
        }
        Schema fileSchema = new Schema(dataFields);
        Map<List<String>, int[]> groups = new LinkedHashMap<>();
        Map<List<String>, Integer> counts = new HashMap<>();
        int n = data.rowCount();
        if (partitionColumns.isEmpty()) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            groups.put(List.of(), all);
            counts.put(List.of(), n);
        } else {
            ColumnVector[] pcols = new ColumnVector[partitionColumns.size()];
            for (int c = 0; c < pcols.length; c++) {
                pcols[c] = data.column(partitionColumns.get(c));
            }
            for (int i = 0; i < n; i++) {
                List<String> key = new ArrayList<>(pcols.length);
                for (ColumnVector pc : pcols) {
                    key.add(PartitionValues.encode(pc, i));
                }
                int[] rows = groups.computeIfAbsent(key, k -> new int[16]);
                int c = counts.getOrDefault(key, 0);
                if (c == rows.length) {
                    rows = Arrays.copyOf(rows, rows.length * 2);
                    groups.put(key, rows);
                }
                rows[c] = i;
                counts.put(key, c + 1);
            }
        }
        DataFileWriter writer = new DataFileWriter(store, CompressionCodecName.SNAPPY, rowGroupRows);
        List<Action.AddFile> adds = new ArrayList<>();
        try {
            for (Map.Entry<List<String>, int[]> g : groups.entrySet()) {
                Map<String, String> pv = new LinkedHashMap<>();
                for (int c = 0; c < partitionColumns.size(); c++) {
                    pv.put(partitionColumns.get(c), g.getKey().get(c));
                }
                String rel = FilePaths.newDataFile(partitionColumns, pv);
                Path file = tablePath.resolve(rel);
                int[] rows = Arrays.copyOf(g.getValue(), counts.get(g.getKey()));
                WrittenFile w = writer.write(data, fileSchema, file, rows);
                adds.add(new Action.AddFile(FilePaths.toLogPath(rel), pv, w.size(), clock.millis(), dataChange, w.statsJson(), null));
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(adds, e);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot write data files of table '" + tableName + "'", io);
            }
            throw (RuntimeException) e;
        }
        return adds;
    }

    /** Deletes files written for a commit that did not land, recording deletion failures on {@code cause}. */
    public void deleteQuietly(List<Action.AddFile> written, Exception cause) {
        for (Action.AddFile a : written) {
            try {
                store.delete(FilePaths.resolve(tablePath, a.path()));
            } catch (IOException suppressed) {
                cause.addSuppressed(suppressed);
            }
        }
    }
}
