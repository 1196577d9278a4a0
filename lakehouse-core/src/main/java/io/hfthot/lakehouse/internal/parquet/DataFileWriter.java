package io.hfthot.lakehouse.internal.parquet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Schema;
import io.hfthot.lakehouse.internal.actions.ActionJson;
import io.hfthot.lakehouse.storage.LogStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes a {@link ColumnBatch} (a row range of it) as one Parquet file, column by column, and computes the Delta
 * statistics on the way.
 *
 * <p>This drives parquet-column's {@link ColumnWriteStore} directly rather than going through a record-at-a-time
 * {@code ParquetWriter}: values flow from primitive arrays into the column writers with no per-row object, in
 * chunks of {@value #CHUNK} rows per column. Page boundaries stay on row boundaries because, for a flat schema,
 * every column has written exactly the chunk's rows when {@code endRecord} runs the store's page-size check.
 */
public final class DataFileWriter {
    private static final int CHUNK = 1024;
    private static final int MAX_STRING_STAT_LENGTH = 32;
    private static final DateTimeFormatter TS_STAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private final LogStore store;
    private final CompressionCodecName codec;
    private final int rowGroupRows;

    /**
     * Creates a writer.
     *
     * @param store        storage
     * @param codec        compression codec
     * @param rowGroupRows maximum rows per row group
     */
    public DataFileWriter(LogStore store, CompressionCodecName codec, int rowGroupRows) {
        this.store = store;
        this.codec = codec;
        this.rowGroupRows = rowGroupRows;
    }

    /**
     * Writes rows {@code [from, to)} of the given columns of a batch.
     *
     * @param batch   the data (holding at least {@code columns})
     * @param columns the file's columns (the table's non-partition columns)
     * @param path    the new file; must not exist
     */
    public WrittenFile write(ColumnBatch batch, Schema columns, Path path, int[] rows) throws IOException {
        MessageType schema = ParquetSchemas.toParquet(columns);
        ParquetProperties.Builder pb = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withDictionaryEncoding(false)
                .withPageSize(1 << 20);
        // Dictionary encoding only where values repeat (symbols, names): for prices, sizes and timestamps, which are
        // nearly all distinct, parquet-column first hashes every value into a dictionary until it passes the 1 MiB
        // dictionary page limit and then falls back to PLAIN, paying for the hashing for nothing; PLAIN pages are
        // also what NumericPages reads in bulk. (A column whose name holds a '.' is addressed by parquet as a
        // nested path, so it gets no dictionary: only compression differs.)
        for (Field f : columns.fields()) {
            if (f.type() == DataType.STRING || f.type() == DataType.BINARY) {
                pb.withDictionaryEncoding(f.name(), true);
            }
        }
        ParquetProperties props = pb.build();
        CompressionCodecFactory.BytesInputCompressor compressor = LocalCodecFactory.INSTANCE.getCompressor(codec);
        ColumnVector[] vectors = new ColumnVector[columns.size()];
        for (int c = 0; c < vectors.length; c++) {
            vectors[c] = batch.column(columns.fields().get(c).name());
        }
        StatsCollector[] stats = new StatsCollector[vectors.length];
        for (int c = 0; c < vectors.length; c++) {
            stats[c] = new StatsCollector(columns.fields().get(c).type());
        }
        ParquetFileWriter fw = new ParquetFileWriter(StoreFiles.output(store, path), schema, ParquetFileWriter.Mode.CREATE,
                128L << 20, 0, null, props);
        try {
            fw.start();
            int total = rows.length;
            for (int start = 0; start < total; start += rowGroupRows) {
                int end = Math.min(total, start + rowGroupRows);
                ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(compressor, schema, props.getAllocator(),
                        props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
                ColumnWriteStore cws = props.newColumnWriteStore(schema, pages, pages);
                List<ColumnDescriptor> descs = schema.getColumns();
                ColumnWriter[] writers = new ColumnWriter[descs.size()];
                for (int c = 0; c < writers.length; c++) {
                    writers[c] = cws.getColumnWriter(descs.get(c));
                }
                for (int chunk = start; chunk < end; chunk += CHUNK) {
                    int chunkEnd = Math.min(end, chunk + CHUNK);
                    for (int c = 0; c < writers.length; c++) {
                        writeChunk(writers[c], descs.get(c).getMaxDefinitionLevel(), vectors[c], columns.fields().get(c),
                                rows, chunk, chunkEnd, stats[c]);
                    }
                    for (int r = chunk; r < chunkEnd; r++) {
                        cws.endRecord();
                    }
                }
                cws.flush();
                fw.startBlock(end - start);
                pages.flushToFileWriter(fw);
                fw.endBlock();
                cws.close();
                pages.close();
            }
            fw.end(Map.of("writer.model.name", "io.hfthot.lakehouse"));
            // Durable before any commit can name it: a commit that survives a crash its data file did not would
            // make the table unreadable at that version.
            store.force(path);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
        long size = Files.size(path);
        return new WrittenFile(size, rows.length, statsJson(columns, stats, rows.length));
    }

    private static void writeChunk(ColumnWriter w, int maxDef, ColumnVector v, Field f, int[] rows, int from, int to,
                                   StatsCollector st) {
        boolean nullable = maxDef > 0;
        if (!nullable && v.hasNulls()) {
            for (int k = from; k < to; k++) {
                if (v.isNull(rows[k])) {
                    throw new IllegalArgumentException("column '" + f.name() + "' is not nullable but row " + rows[k] + " is null");
                }
            }
        }
        DataType t = f.type();
        switch (t.storage()) {
            case LONG: {
                boolean int32 = ParquetSchemas.isInt32(t);
                for (int k = from; k < to; k++) {
                    int r = rows[k];
                    if (v.isNull(r)) {
                        w.writeNull(0, 0);
                        st.nulls++;
                    } else {
                        long x = v.getLong(r);
                        if (int32) {
                            w.write((int) x, 0, maxDef);
                        } else {
                            w.write(x, 0, maxDef);
                        }
                        st.acceptLong(x);
                    }
                }
                break;
            }
            case DOUBLE: {
                boolean isFloat = t == DataType.FLOAT;
                for (int k = from; k < to; k++) {
                    int r = rows[k];
                    if (v.isNull(r)) {
                        w.writeNull(0, 0);
                        st.nulls++;
                    } else {
                        double x = v.getDouble(r);
                        if (isFloat) {
                            w.write((float) x, 0, maxDef);
                        } else {
                            w.write(x, 0, maxDef);
                        }
                        st.acceptDouble(x);
                    }
                }
                break;
            }
            case BOOLEAN: {
                for (int k = from; k < to; k++) {
                    int r = rows[k];
                    if (v.isNull(r)) {
                        w.writeNull(0, 0);
                        st.nulls++;
                    } else {
                        w.write(v.getBoolean(r), 0, maxDef);
                    }
                }
                break;
            }
            default: {
                boolean isString = t == DataType.STRING;
                String lastString = null;
                Binary lastBinary = null;
                for (int k = from; k < to; k++) {
                    int r = rows[k];
                    if (v.isNull(r)) {
                        w.writeNull(0, 0);
                        st.nulls++;
                    } else if (isString) {
                        String s = v.getString(r);
                        // Market data repeats a few symbols: reuse the encoded bytes of an equal previous value.
                        if (lastString == null || !lastString.equals(s)) {
                            lastString = s;
                            lastBinary = Binary.fromString(s);
                            st.acceptString(s);
                        }
                        w.write(lastBinary, 0, maxDef);
                    } else {
                        w.write(Binary.fromConstantByteArray(v.getBinary(r)), 0, maxDef);
                    }
                }
            }
        }
    }

    private static String statsJson(Schema columns, StatsCollector[] stats, long numRows) {
        ObjectNode root = ActionJson.MAPPER.createObjectNode();
        root.put("numRecords", numRows);
        ObjectNode min = root.putObject("minValues");
        ObjectNode max = root.putObject("maxValues");
        ObjectNode nulls = root.putObject("nullCount");
        for (int c = 0; c < stats.length; c++) {
            Field f = columns.fields().get(c);
            StatsCollector s = stats[c];
            nulls.put(f.name(), s.nulls);
            if (!s.seen) {
                continue;
            }
            switch (f.type()) {
                case BYTE, SHORT, INTEGER, LONG -> {
                    min.put(f.name(), s.minLong);
                    max.put(f.name(), s.maxLong);
                }
                case FLOAT, DOUBLE -> {
                    if (!s.sawNaN) {
                        min.put(f.name(), s.minDouble);
                        max.put(f.name(), s.maxDouble);
                    }
                }
                case DATE -> {
                    min.put(f.name(), LocalDate.ofEpochDay(s.minLong).toString());
                    max.put(f.name(), LocalDate.ofEpochDay(s.maxLong).toString());
                }
                case TIMESTAMP -> {
                    // Delta stats hold milliseconds: floor both; readers widen the max by 999 micros.
                    min.put(f.name(), TS_STAT.format(Instant.ofEpochMilli(Math.floorDiv(s.minLong, 1000L))));
                    max.put(f.name(), TS_STAT.format(Instant.ofEpochMilli(Math.floorDiv(s.maxLong, 1000L))));
                }
                case STRING -> {
                    // Long strings would need truncation with a tie-breaker; omitting them only costs skipping.
                    if (s.minString.length() <= MAX_STRING_STAT_LENGTH && s.maxString.length() <= MAX_STRING_STAT_LENGTH) {
                        min.put(f.name(), s.minString);
                        max.put(f.name(), s.maxString);
                    }
                }
                default -> {
                    // booleans, binary, timestamp_ntz: no min/max, as Delta writers do
                }
            }
        }
        return root.toString();
    }

    /** Running min/max/null count of one column. */
    static final class StatsCollector {
        final DataType type;
        long nulls;
        boolean seen;
        long minLong = Long.MAX_VALUE;
        long maxLong = Long.MIN_VALUE;
        double minDouble = Double.POSITIVE_INFINITY;
        double maxDouble = Double.NEGATIVE_INFINITY;
        boolean sawNaN;
        String minString;
        String maxString;

        StatsCollector(DataType type) {
            this.type = type;
        }

        void acceptLong(long x) {
            seen = true;
            if (x < minLong) {
                minLong = x;
            }
            if (x > maxLong) {
                maxLong = x;
            }
        }

        void acceptDouble(double x) {
            seen = true;
            if (Double.isNaN(x)) {
                sawNaN = true;
                return;
            }
            if (x < minDouble) {
                minDouble = x;
            }
            if (x > maxDouble) {
                maxDouble = x;
            }
        }

        void acceptString(String s) {
            seen = true;
            if (minString == null || s.compareTo(minString) < 0) {
                minString = s;
            }
            if (maxString == null || s.compareTo(maxString) > 0) {
                maxString = s;
            }
        }
    }
}
