package io.hfthot.lakehouse;

import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.actions.SchemaJson;
import io.hfthot.lakehouse.internal.log.ColumnMapping;
import io.hfthot.lakehouse.internal.log.TableState;
import io.hfthot.lakehouse.internal.parquet.DataFileWriter;
import io.hfthot.lakehouse.internal.table.Scans;
import io.hfthot.lakehouse.storage.LogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * An immutable view of a table at one version: schema, partition columns, data files, and reads of its rows.
 *
 * <p>For query engines: {@link #dataFiles()} lists every Parquet file of this version with its absolute path and
 * partition values (strings as in the Delta log; partition columns are not stored in the files), and
 * {@link #schema()} / {@link #partitionColumns()} give the column names and Delta types. Reading those files and
 * adding the partition columns as constants yields exactly this version's rows. Thread-safe.
 */
public final class Snapshot {
    private final String tableName;
    private final Path tablePath;
    private final LogStore store;
    private final TableState state;
    private final Schema schema;
    private final List<DataFile> files;
    private final ColumnMapping mapping;

    Snapshot(String tableName, Path tablePath, LogStore store, TableState state) {
        this.tableName = tableName;
        this.tablePath = tablePath;
        this.store = store;
        this.state = state;
        this.schema = SchemaJson.fromJson(state.metadata().schemaString());
        this.mapping = ColumnMapping.of(state.metadata(), tableName);
        List<DataFile> f = new ArrayList<>(state.files().size());
        for (Action.AddFile a : state.files().values()) {
            f.add(Scans.toDataFile(tablePath, a, mapping));
        }
        this.files = List.copyOf(f);
    }

    TableState state() {
        return state;
    }

    /** Returns the table name this snapshot was opened by. */
    public String tableName() {
        return tableName;
    }

    /** Returns the table's root directory. */
    public Path tablePath() {
        return tablePath;
    }

    /** Returns the version. */
    public long version() {
        return state.version();
    }

    /** Returns the commit timestamp of this version. */
    public Instant timestamp() {
        return Instant.ofEpochMilli(state.timestampMillis());
    }

    /** Returns the table schema (all columns, partition columns included). */
    public Schema schema() {
        return schema;
    }

    /** Returns the partition column names, in partitioning order. */
    public List<String> partitionColumns() {
        return state.metadata().partitionColumns();
    }

    /** Returns the table id from the metadata. */
    public String tableId() {
        return state.metadata().id();
    }

    /** Returns the table properties ({@code metaData.configuration}). */
    public Map<String, String> properties() {
        return state.metadata().configuration();
    }

    /** Returns the protocol versions as {@code [minReaderVersion, minWriterVersion]}. */
    public int[] protocolVersions() {
        return new int[] {state.protocol().minReaderVersion(), state.protocol().minWriterVersion()};
    }

    /** Returns every data file of this version. */
    public List<DataFile> dataFiles() {
        return files;
    }

    /**
     * Returns the data files that may hold rows matching a predicate (files that partition values or statistics
     * rule out are left out); all files when the predicate is null.
     */
    public List<DataFile> dataFiles(Predicate predicate) {
        return Scans.prune(files, schema, partitionColumns(), predicate);
    }

    /** Returns the number of rows, from file statistics where present and by reading footers otherwise. */
    public long rowCount() {
        long n = 0;
        for (DataFile f : files) {
            n += f.stats() != null ? f.liveRows() : readFile(f, new Schema(List.of(schema.fields().get(0))), null).rowCount();
        }
        return n;
    }

    /** Reads every row and column. */
    public ColumnBatch read() {
        return read(schema.names(), null);
    }

    /**
     * Reads the named columns of the rows matching a predicate.
     *
     * @param columns   columns to return, in order
     * @param predicate filter, or null for all rows
     * @throws DataFileMissingException when a file of this version was removed by vacuum or erasure
     */
    public ColumnBatch read(List<String> columns, Predicate predicate) {
        Schema out = schema.select(columns);
        List<ColumnBatch> parts = new ArrayList<>();
        for (DataFile f : dataFiles(predicate)) {
            parts.add(readFile(f, out, predicate));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return ColumnBatch.concat(out, parts);
    }

    /** Reads rows as typed rows (see {@link #read(List, Predicate)}). */
    public List<Row> rows(List<String> columns, Predicate predicate) {
        return read(columns, predicate).rows();
    }

    /** Reads all rows as typed rows. */
    public List<Row> rows() {
        return read().rows();
    }

    private ColumnBatch readFile(DataFile f, Schema out, Predicate predicate) {
        return Scans.readFile(store, tablePath, f, schema, partitionColumns(), out, predicate,
                "version " + version() + " of table '" + tableName + "'", mapping);
    }

    /**
     * Writes the selected rows and columns of this snapshot to one standalone Parquet file (partition columns
     * included as ordinary columns).
     *
     * @param target    the file to create; must not exist
     * @param columns   columns, in order
     * @param predicate filter, or null
     * @return the number of rows written
     */
    public long exportParquet(Path target, List<String> columns, Predicate predicate) {
        ColumnBatch batch = read(columns, predicate);
        int[] rows = new int[batch.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        try {
            new DataFileWriter(store, CompressionCodecName.SNAPPY, 1 << 20).write(batch, batch.schema(), target, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export version " + version() + " of table '" + tableName + "' to " + target, e);
        }
        return rows.length;
    }

    @Override
    public String toString() {
        return "Snapshot[" + tableName + " v" + version() + ", " + files.size() + " files]";
    }
}
