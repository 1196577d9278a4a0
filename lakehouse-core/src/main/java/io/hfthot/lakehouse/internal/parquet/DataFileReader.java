package io.hfthot.lakehouse.internal.parquet;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.Schema;
import io.hfthot.lakehouse.storage.LogStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads columns of a Parquet data file into {@link ColumnVector}s, column by column: numeric columns page by page
 * ({@link NumericPages}: PLAIN pages copied in bulk), the other flat columns through parquet-column's
 * {@link ColumnReader}s (no record assembly); struct, array and map columns go through {@link NestedColumnReader}'s
 * record assembly instead.
 *
 * <p>Columns missing from the file (added to the table later by schema evolution) read as nulls. Timestamps stored
 * as INT64 millis/micros/nanos or legacy INT96 (Spark's default before 3.x) are converted to microseconds.
 */
public final class DataFileReader {
    private static final ParquetReadOptions OPTIONS = org.apache.parquet.HadoopFreeReadOptions.create(LocalCodecFactory.INSTANCE);

    private final LogStore store;

    /** Creates a reader over a store. */
    public DataFileReader(LogStore store) {
        this.store = store;
    }

    /**
     * Reads the given columns of a file.
     *
     * @param columns columns to read (none may be partition columns); the batch has exactly these
     */
    public ColumnBatch read(Path path, Schema columns) throws IOException {
        return read(path, columns, null);
    }

    /**
     * Reads the given columns of a file, matching column {@code c} by Parquet field id {@code fieldIds[c]} when that
     * is not null and the file has a column with that id, and by name otherwise (Delta column mapping mode id).
     *
     * @param fieldIds one entry per column (null entries match by name), or null to match every column by name
     */
    public ColumnBatch read(Path path, Schema columns, Integer[] fieldIds) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(StoreFiles.input(store, path), OPTIONS)) {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            List<Type> requested = new ArrayList<>();
            int[] fileIndex = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                Field f = columns.fields().get(c);
                fileIndex[c] = -1;
                Type byId = null;
                if (fieldIds != null && fieldIds[c] != null) {
                    for (Type candidate : fileSchema.getFields()) {
                        if (candidate.getId() != null && candidate.getId().intValue() == fieldIds[c]) {
                            byId = candidate;
                        }
                    }
                }
                if (byId != null || fileSchema.containsField(f.name())) {
                    Type t = byId != null ? byId : fileSchema.getType(f.name());
                    if (!t.isPrimitive() && f.nested() == null) {
                        throw new LakehouseException("data file " + path + " stores column '" + f.name()
                                + "' as a nested Parquet type; the table schema says " + f.type().deltaName());
                    }
                    fileIndex[c] = requested.size();
                    requested.add(t);
                }
            }
            int total = (int) reader.getRecordCount();
            List<List<ColumnVector>> groups = new ArrayList<>();
            if (requested.isEmpty()) {
                List<ColumnVector> cols = new ArrayList<>();
                for (Field f : columns.fields()) {
                    cols.add(ColumnVector.nulls(f.type(), total));
                }
                return new ColumnBatch(columns, cols);
            }
            MessageType projection = new MessageType(fileSchema.getName(), requested);
            reader.setRequestedSchema(projection);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                int n = (int) pages.getRowCount();
                ColumnReadStoreImpl crs = new ColumnReadStoreImpl(pages, new IgnoringGroupConverter(projection.getFieldCount()),
                        projection, createdBy);
                List<ColumnVector> cols = new ArrayList<>(columns.size());
                for (int c = 0; c < columns.size(); c++) {
                    Field f = columns.fields().get(c);
                    if (fileIndex[c] < 0) {
                        cols.add(ColumnVector.nulls(f.type(), n));
                    } else {
                        Type fileType = projection.getType(fileIndex[c]);
                        if (f.nested() != null) {
                            cols.add(NestedColumnReader.read(pages, fileType, f, n, createdBy, path));
                        } else {
                            ColumnDescriptor d = projection.getColumnDescription(new String[] {fileType.getName()});
                            cols.add(numeric(f, d) ? readNumeric(new NumericPages(pages.getPageReader(d), d), d, f, n)
                                    : readColumn(crs.getColumnReader(d), d, f, n, path));
                        }
                    }
                }
                groups.add(cols);
            }
            if (groups.size() == 1) {
                return new ColumnBatch(columns, groups.get(0));
            }
            List<ColumnVector> merged = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                List<ColumnVector> parts = new ArrayList<>(groups.size());
                for (List<ColumnVector> g : groups) {
                    parts.add(g.get(c));
                }
                merged.add(ColumnVector.concat(columns.fields().get(c).type(), parts));
            }
            return new ColumnBatch(columns, merged);
        }
    }

    /** Whether a column is a long or double one stored as INT32/INT64/FLOAT/DOUBLE, decoded page by page. */
    private static boolean numeric(Field f, ColumnDescriptor d) {
        PrimitiveType.PrimitiveTypeName phys = d.getPrimitiveType().getPrimitiveTypeName();
        return switch (f.type().storage()) {
            case LONG -> phys == PrimitiveType.PrimitiveTypeName.INT64 || phys == PrimitiveType.PrimitiveTypeName.INT32;
            case DOUBLE -> phys == PrimitiveType.PrimitiveTypeName.DOUBLE || phys == PrimitiveType.PrimitiveTypeName.FLOAT;
            default -> false;
        };
    }

    private static ColumnVector readNumeric(NumericPages pages, ColumnDescriptor d, Field f, int n) throws IOException {
        if (f.type().storage() == DataType.Storage.DOUBLE) {
            double[] v = new double[n];
            boolean[] nulls = pages.readDoubles(v, n);
            return ColumnVector.wrapDoubles(f.type(), v, nulls, n);
        }
        long mul = 1;
        long div = 1;
        if (d.getPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64
                && d.getPrimitiveType().getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
            switch (ts.getUnit()) {
                case MILLIS -> mul = 1000;
                case NANOS -> div = 1000;
                default -> { }
            }
        }
        long[] v = new long[n];
        boolean[] nulls = pages.readLongs(v, n, mul, div);
        return ColumnVector.wrapLongs(f.type(), v, nulls, n);
    }

    /** Columns other than {@link #numeric} ones: INT96 timestamps, booleans, strings, binaries and decimals. */
    private static ColumnVector readColumn(ColumnReader r, ColumnDescriptor d, Field f, int n, Path path) {
        int maxDef = d.getMaxDefinitionLevel();
        PrimitiveType pt = d.getPrimitiveType();
        PrimitiveType.PrimitiveTypeName phys = pt.getPrimitiveTypeName();
        boolean[] nulls = null;
        DataType t = f.type();
        switch (t.storage()) {
            case LONG: {
                if (phys != PrimitiveType.PrimitiveTypeName.INT96 || (t != DataType.TIMESTAMP && t != DataType.TIMESTAMP_NTZ)) {
                    throw mismatch(path, f, pt);
                }
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    if (r.getCurrentDefinitionLevel() == maxDef) {
                        v[i] = int96ToMicros(r.getBinary());
                    } else {
                        nulls = markNull(nulls, n, i);
                    }
                    r.consume();
                }
                return ColumnVector.wrapLongs(t, v, nulls, n);
            }
            case DOUBLE:
                throw mismatch(path, f, pt);
            case BOOLEAN: {
                if (phys != PrimitiveType.PrimitiveTypeName.BOOLEAN) {
                    throw mismatch(path, f, pt);
                }
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    if (r.getCurrentDefinitionLevel() == maxDef) {
                        v[i] = r.getBoolean();
                    } else {
                        nulls = markNull(nulls, n, i);
                    }
                    r.consume();
                }
                return ColumnVector.wrapBooleans(v, nulls, n);
            }
            default: {
                if (t == DataType.DECIMAL) {
                    return readDecimal(r, maxDef, pt, f, n, path);
                }
                if (phys != PrimitiveType.PrimitiveTypeName.BINARY && phys != PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
                    throw mismatch(path, f, pt);
                }
                if (t == DataType.STRING) {
                    String[] v = new String[n];
                    Binary last = null;
                    String lastString = null;
                    for (int i = 0; i < n; i++) {
                        if (r.getCurrentDefinitionLevel() == maxDef) {
                            Binary b = r.getBinary();
                            // Dictionary-encoded columns repeat values: decode each distinct run once.
                            if (last == null || !last.equals(b)) {
                                last = b.copy();
                                lastString = b.toStringUsingUTF8();
                            }
                            v[i] = lastString;
                        }
                        r.consume();
                    }
                    return ColumnVector.ofStrings(v);
                }
                byte[][] v = new byte[n][];
                for (int i = 0; i < n; i++) {
                    if (r.getCurrentDefinitionLevel() == maxDef) {
                        v[i] = r.getBinary().getBytes();
                    }
                    r.consume();
                }
                return ColumnVector.ofBinary(v);
            }
        }
    }

    /**
     * Decimals as Parquet stores them: INT32 (precision <= 9), INT64 (<= 18), or FIXED_LEN_BYTE_ARRAY / BINARY
     * (big-endian two's complement unscaled value), with the scale from the DECIMAL annotation.
     */
    private static ColumnVector readDecimal(ColumnReader r, int maxDef, PrimitiveType pt, Field f, int n, Path path) {
        if (!(pt.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec)) {
            throw mismatch(path, f, pt);
        }
        int scale = dec.getScale();
        PrimitiveType.PrimitiveTypeName phys = pt.getPrimitiveTypeName();
        Object[] v = new Object[n];
        for (int i = 0; i < n; i++) {
            if (r.getCurrentDefinitionLevel() == maxDef) {
                v[i] = switch (phys) {
                    case INT32 -> java.math.BigDecimal.valueOf(r.getInteger(), scale);
                    case INT64 -> java.math.BigDecimal.valueOf(r.getLong(), scale);
                    case BINARY, FIXED_LEN_BYTE_ARRAY -> new java.math.BigDecimal(new java.math.BigInteger(r.getBinary().getBytes()), scale);
                    default -> throw mismatch(path, f, pt);
                };
            }
            r.consume();
        }
        return ColumnVector.of(DataType.DECIMAL, v);
    }

    private static boolean[] markNull(boolean[] nulls, int n, int i) {
        boolean[] out = nulls == null ? new boolean[n] : nulls;
        out[i] = true;
        return out;
    }

    /** INT96: 8 bytes little-endian nanoseconds of the day, then 4 bytes little-endian Julian day. */
    static long int96ToMicros(Binary b) {
        ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buf.getLong();
        int julianDay = buf.getInt();
        long epochDay = julianDay - 2_440_588L;
        return epochDay * 86_400_000_000L + Math.floorDiv(nanosOfDay, 1000L);
    }

    private static LakehouseException mismatch(Path path, Field f, PrimitiveType pt) {
        return new LakehouseException("data file " + path + " stores column '" + f.name() + "' as Parquet " + pt
                + ", which does not match the table type " + f.type().deltaName());
    }

    /** Converter tree that ignores values: column readers are read directly, never through record assembly. */
    static final class IgnoringGroupConverter extends GroupConverter {
        private final int fields;

        IgnoringGroupConverter(int fields) {
            this.fields = fields;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return new PrimitiveConverter() {
            };
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }

        @Override
        public String toString() {
            return "IgnoringGroupConverter(" + fields + ")";
        }
    }
}
