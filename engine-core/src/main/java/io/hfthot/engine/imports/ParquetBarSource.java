package io.hfthot.engine.imports;

import io.hfthot.lakehouse.ParquetFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads bars from a Parquet file, row group by row group, without Hadoop on the runtime classpath.
 *
 * <p>Why not {@code AvroParquetReader}: its builder creates {@code ParquetReadOptions} through
 * {@code ParquetInputFormat}, a subclass of Hadoop's {@code FileInputFormat}, which fails with
 * {@code NoClassDefFoundError} on a Hadoop-free classpath (the lakehouse found this in its
 * {@code NoHadoopRuntimeTest}). So this opens the file with {@link ParquetFileReader} over a
 * {@link LocalInputFile}, the lakehouse's Hadoop-free read options and codecs (snappy-java, zstd-jni,
 * {@code java.util.zip}: Snappy, ZSTD, GZIP and uncompressed; LZ4 and Brotli files are refused by name), and assembles records with parquet-column's example {@link Group} model: only the
 * mapped columns are projected.
 *
 * <p>Accepted column types: the time as INT64 {@code TIMESTAMP} (millis, micros or nanos), INT32 {@code DATE},
 * plain INT32/INT64/DOUBLE numbers (read by magnitude like CSV) or UTF-8 text; prices and volume as DOUBLE,
 * FLOAT, INT32, INT64 or DECIMAL; the symbol as UTF-8 text. Only top-level, non-repeated columns are mapped.
 */
final class ParquetBarSource implements BarSource {
    private final Path file;
    private final ParquetFileReader reader;
    private final MessageType projection;
    private final MessageType fileSchema;
    private final Map<Columns.Role, Function<Group, Object>> readers;
    private final long fileSize;
    private final long totalRows;
    private RecordReader<Group> groupRecords;
    private long groupRows;
    private long groupRow;
    private long rowsBefore;
    private long row;

    private ParquetBarSource(Path file, ParquetFileReader reader, MessageType fileSchema, MessageType projection,
                             Map<Columns.Role, Function<Group, Object>> readers, long fileSize) {
        this.file = file;
        this.reader = reader;
        this.fileSchema = fileSchema;
        this.projection = projection;
        this.readers = readers;
        this.fileSize = fileSize;
        this.totalRows = Math.max(1, reader.getRecordCount());
    }

    /**
     * Opens a file and maps its columns.
     *
     * @param file           the file
     * @param symbolRequired whether a symbol column is required
     * @return the source, positioned before the first row
     * @throws ImportException when the file is not Parquet, lacks a field or stores one in an unusable type
     */
    static ParquetBarSource open(Path file, boolean symbolRequired) {
        ParquetFileReader reader = null;
        try {
            long size = Files.size(file);
            reader = ParquetFiles.open(file);
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> names = new ArrayList<>();
            for (Type t : schema.getFields()) {
                names.add(t.getName());
            }
            Columns columns = Columns.map(file, names, symbolRequired);
            List<Type> projected = new ArrayList<>();
            Map<Columns.Role, Function<Group, Object>> readers = new EnumMap<>(Columns.Role.class);
            for (Columns.Role role : Columns.Role.values()) {
                int at = columns.indexOf(role);
                if (at < 0) {
                    continue;
                }
                Type type = schema.getType(at);
                if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
                    throw new ImportException(file, "column '" + type.getName() + "' (" + role.field()
                            + ") is a nested or repeated Parquet type; expected a plain column", null);
                }
                if (!projected.contains(type)) {
                    projected.add(type);
                }
                readers.put(role, valueReader(file, role, type.asPrimitiveType()));
            }
            MessageType projection = new MessageType(schema.getName(), projected);
            reader.setRequestedSchema(projection);
            return new ParquetBarSource(file, reader, schema, projection, readers, size);
        } catch (IOException | RuntimeException e) {
            closeQuietly(reader, e);
            if (e instanceof ImportException ie) {
                throw ie;
            }
            throw new ImportException(file, "cannot be read as Parquet: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(ParquetFileReader reader, Exception primary) {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                primary.addSuppressed(e);
            }
        }
    }

    private static Function<Group, Object> valueReader(Path file, Columns.Role role, PrimitiveType type) {
        String name = type.getName();
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        boolean isTime = role == Columns.Role.TS;
        boolean isText = role == Columns.Role.SYMBOL;
        Function<Group, Object> read = switch (type.getPrimitiveTypeName()) {
            case INT64 -> {
                if (isText) {
                    yield null;
                }
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
                    yield isTime ? g -> instant(g.getLong(name, 0), ts.getUnit()) : null;
                }
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
                    yield g -> BigDecimal.valueOf(g.getLong(name, 0), dec.getScale()).doubleValue();
                }
                yield g -> g.getLong(name, 0);
            }
            case INT32 -> {
                if (isText) {
                    yield null;
                }
                if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    yield isTime ? g -> Instant.ofEpochSecond(86_400L * g.getInteger(name, 0)) : null;
                }
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
                    yield g -> BigDecimal.valueOf(g.getInteger(name, 0), dec.getScale()).doubleValue();
                }
                yield g -> (long) g.getInteger(name, 0);
            }
            case DOUBLE -> isText ? null : g -> g.getDouble(name, 0);
            // Through the float's shortest decimal form, so 0.1f reads as 0.1 and not 0.10000000149011612.
            case FLOAT -> isText || isTime ? null : g -> Double.parseDouble(Float.toString(g.getFloat(name, 0)));
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec && !isText && !isTime) {
                    yield g -> new BigDecimal(new BigInteger(g.getBinary(name, 0).getBytes()), dec.getScale())
                            .doubleValue();
                }
                boolean text = logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation;
                yield text && type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY
                        ? g -> g.getBinary(name, 0).toStringUsingUTF8() : null;
            }
            default -> null;
        };
        if (read == null) {
            throw new ImportException(file, "column '" + name + "' (" + role.field() + ") has Parquet type " + type
                    + "; expected " + accepted(role), null);
        }
        return g -> g.getFieldRepetitionCount(name) == 0 ? null : read.apply(g);
    }

    private static String accepted(Columns.Role role) {
        return switch (role) {
            case TS -> "INT64 TIMESTAMP, INT32 DATE, INT32/INT64/DOUBLE epoch numbers or UTF-8 text";
            case SYMBOL -> "UTF-8 text";
            default -> "DOUBLE, FLOAT, INT32, INT64 or DECIMAL";
        };
    }

    private static Instant instant(long value, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> Instant.ofEpochMilli(value);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
                    Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L),
                    Math.floorMod(value, 1_000_000_000L));
        };
    }

    @Override
    public RawBar next() {
        try {
            while (groupRow >= groupRows) {
                rowsBefore += groupRows;
                PageReadStore pages = reader.readNextRowGroup();
                if (pages == null) {
                    groupRows = 0;
                    groupRow = 0;
                    return null;
                }
                groupRows = pages.getRowCount();
                groupRow = 0;
                groupRecords = new ColumnIOFactory().getColumnIO(projection, fileSchema)
                        .getRecordReader(pages, new GroupRecordConverter(projection));
            }
            Group g = groupRecords.read();
            groupRow++;
            row++;
            return new RawBar(row, value(g, Columns.Role.TS), value(g, Columns.Role.OPEN),
                    value(g, Columns.Role.HIGH), value(g, Columns.Role.LOW), value(g, Columns.Role.CLOSE),
                    value(g, Columns.Role.VOLUME), value(g, Columns.Role.SYMBOL));
        } catch (IOException | RuntimeException e) {
            // Corrupt pages surface as ParquetDecodingException; a codec the lakehouse's factory lacks (LZ4,
            // Brotli) as UncheckedIOException: both end the file, so they become a file-level refusal.
            throw new ImportException(file, "cannot be read as Parquet at row " + (row + 1) + ": " + e.getMessage(), e);
        }
    }

    private Object value(Group g, Columns.Role role) {
        Function<Group, Object> read = readers.get(role);
        return read == null ? null : read.apply(g);
    }

    @Override
    public long bytesRead() {
        // Row groups are decoded whole, so progress by rows is as fine-grained as the file allows.
        return Math.min(fileSize, (long) ((double) fileSize * (rowsBefore + groupRow) / totalRows));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
