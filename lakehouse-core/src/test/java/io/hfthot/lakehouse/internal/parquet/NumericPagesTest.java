package io.hfthot.lakehouse.internal.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Schema;
import io.hfthot.lakehouse.storage.LocalLogStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The page-level numeric decoding reads back exactly the values written by parquet-column's own writers, for data
 * page V1 and V2, PLAIN, dictionary (including the writer's fall-back from dictionary to PLAIN in the middle of a
 * chunk when the dictionary outgrows its page), BYTE_STREAM_SPLIT and DELTA_BINARY_PACKED (V2's default for
 * integers), with nulls, required columns, several pages and row groups, and timestamp units converted to microseconds.
 */
class NumericPagesTest {
    private static final int ROWS = 5_000;

    @TempDir
    Path dir;

    private static final MessageType SCHEMA = Types.buildMessage()
            .optional(PrimitiveTypeName.INT64).named("l")
            .required(PrimitiveTypeName.INT64).named("r")
            .optional(PrimitiveTypeName.INT32).named("i")
            .optional(PrimitiveTypeName.DOUBLE).named("d")
            .optional(PrimitiveTypeName.FLOAT).named("f")
            .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named("ms")
            .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS)).named("ns")
            .named("t");

    private static final Schema TABLE = Schema.of(Field.of("l", DataType.LONG), Field.required("r", DataType.LONG),
            Field.of("i", DataType.INTEGER), Field.of("d", DataType.DOUBLE), Field.of("f", DataType.FLOAT),
            Field.of("ms", DataType.TIMESTAMP), Field.of("ns", DataType.TIMESTAMP));

    @ParameterizedTest(name = "{0}, dictionary {1}, byte stream split {2}, {3} distinct values")
    @CsvSource({
            "PARQUET_1_0, false, false, 1000000",
            "PARQUET_1_0, true, false, 7",
            "PARQUET_1_0, true, false, 1000000",
            "PARQUET_2_0, false, false, 1000000",
            "PARQUET_2_0, true, false, 7",
            "PARQUET_2_0, true, false, 1000000",
            "PARQUET_1_0, false, true, 1000000",
    })
    void readsBackWhatParquetWrote(ParquetProperties.WriterVersion version, boolean dictionary, boolean byteStreamSplit,
                                   int distinct) throws Exception {
        SplittableRandom rnd = new SplittableRandom(distinct * 31L + version.ordinal() + (dictionary ? 2 : 0));
        Long[] l = new Long[ROWS];
        long[] r = new long[ROWS];
        Integer[] i = new Integer[ROWS];
        Double[] d = new Double[ROWS];
        Float[] f = new Float[ROWS];
        Long[] ms = new Long[ROWS];
        Long[] ns = new Long[ROWS];
        for (int k = 0; k < ROWS; k++) {
            long x = rnd.nextLong(distinct) - distinct / 2;
            boolean nul = rnd.nextInt(5) == 0;
            l[k] = nul ? null : x * 1_000_003L;
            r[k] = x;
            i[k] = rnd.nextInt(5) == 0 ? null : (int) x;
            d[k] = rnd.nextInt(5) == 0 ? null : x / 8.0;
            f[k] = rnd.nextInt(5) == 0 ? null : (float) (x / 4.0);
            ms[k] = rnd.nextInt(5) == 0 ? null : 1_700_000_000_000L + x;
            ns[k] = rnd.nextInt(5) == 0 ? null : 1_700_000_000_000_000_000L + x * 1_234L - 999;
        }
        Path file = dir.resolve("f.parquet");
        ParquetProperties props = ParquetProperties.builder().withWriterVersion(version).withDictionaryEncoding(dictionary)
                .withByteStreamSplitEncoding(byteStreamSplit).withDictionaryPageSize(4096).withPageSize(2048)
                .withPageRowCountLimit(700).withMinRowCountForPageSizeCheck(50).build();
        ParquetFileWriter fw = new ParquetFileWriter(new LocalOutputFile(file), SCHEMA, ParquetFileWriter.Mode.CREATE,
                128L << 20, 0, null, props);
        fw.start();
        int groupRows = 2_000; // three row groups
        for (int start = 0; start < ROWS; start += groupRows) {
            int end = Math.min(ROWS, start + groupRows);
            ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(
                    LocalCodecFactory.INSTANCE.getCompressor(CompressionCodecName.SNAPPY), SCHEMA, props.getAllocator(),
                    props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
            ColumnWriteStore cws = props.newColumnWriteStore(SCHEMA, pages, pages);
            List<ColumnDescriptor> cols = SCHEMA.getColumns();
            for (int k = start; k < end; k++) {
                writeLong(cws.getColumnWriter(cols.get(0)), l[k]);
                cws.getColumnWriter(cols.get(1)).write(r[k], 0, 0);
                ColumnWriter wi = cws.getColumnWriter(cols.get(2));
                if (i[k] == null) {
                    wi.writeNull(0, 0);
                } else {
                    wi.write(i[k], 0, 1);
                }
                ColumnWriter wd = cws.getColumnWriter(cols.get(3));
                if (d[k] == null) {
                    wd.writeNull(0, 0);
                } else {
                    wd.write(d[k], 0, 1);
                }
                ColumnWriter wf = cws.getColumnWriter(cols.get(4));
                if (f[k] == null) {
                    wf.writeNull(0, 0);
                } else {
                    wf.write(f[k], 0, 1);
                }
                writeLong(cws.getColumnWriter(cols.get(5)), ms[k]);
                writeLong(cws.getColumnWriter(cols.get(6)), ns[k]);
                cws.endRecord();
            }
            cws.flush();
            fw.startBlock(end - start);
            pages.flushToFileWriter(fw);
            fw.endBlock();
            cws.close();
            pages.close();
        }
        fw.end(Map.of());

        ColumnBatch b = new DataFileReader(new LocalLogStore()).read(file, TABLE);
        assertEquals(ROWS, b.rowCount());
        for (int k = 0; k < ROWS; k++) {
            assertLong(l[k], b.column(0), k, "l");
            assertEquals(r[k], b.column(1).getLong(k), "r at " + k);
            assertLong(i[k] == null ? null : (long) i[k], b.column(2), k, "i");
            assertDouble(d[k], b.column(3), k, "d");
            assertDouble(f[k] == null ? null : (double) f[k], b.column(4), k, "f");
            assertLong(ms[k] == null ? null : ms[k] * 1000, b.column(5), k, "ms");
            assertLong(ns[k] == null ? null : Math.floorDiv(ns[k], 1000L), b.column(6), k, "ns");
        }
    }

    private static void writeLong(ColumnWriter w, Long v) {
        if (v == null) {
            w.writeNull(0, 0);
        } else {
            w.write(v, 0, 1);
        }
    }

    private static void assertLong(Long expected, ColumnVector v, int k, String column) {
        assertEquals(expected == null, v.isNull(k), column + " null at " + k);
        if (expected != null) {
            assertEquals(expected.longValue(), v.getLong(k), column + " at " + k);
        }
    }

    private static void assertDouble(Double expected, ColumnVector v, int k, String column) {
        assertEquals(expected == null, v.isNull(k), column + " null at " + k);
        if (expected != null) {
            assertEquals(expected, v.getDouble(k), 0.0, column + " at " + k);
        }
    }
}
