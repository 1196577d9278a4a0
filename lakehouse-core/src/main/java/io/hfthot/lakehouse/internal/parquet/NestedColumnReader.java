package io.hfthot.lakehouse.internal.parquet;

import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.NestedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads one struct, array or map column of a row group into Java values through parquet-column's record assembly
 * (repetition and definition levels are resolved by its {@link RecordReader}): structs become unmodifiable
 * {@code Map<String, Object>}s in schema order, arrays {@code List}s, maps {@code Map}s in file order, and leaves the
 * values {@link ColumnVector#get} returns for their type.
 *
 * <p>Lists and maps are accepted in the layouts the Parquet format's backward-compatibility rules list: the standard
 * three-level {@code LIST} ({@code repeated group list { element }}), the two-level forms (a repeated primitive, or
 * a repeated group that is itself the element: several fields, or named {@code array} or {@code <name>_tuple}), and
 * {@code MAP} / {@code MAP_KEY_VALUE} with a repeated key-value group. Struct fields are matched by name; a field
 * missing from the file reads as null, as a top-level column does.
 *
 * <p>Why it is about 400 lines: one converter per Parquet layout and per leaf family, all called from the same
 * recursion ({@code converter}); split apart they would have to share that recursion across classes.
 */
final class NestedColumnReader {
    private NestedColumnReader() {
    }

    /**
     * Reads {@code rows} values of a nested column from a row group.
     *
     * @param pages      the row group, read with a projection that includes {@code fileType}
     * @param fileType   the column's top-level type in the file
     * @param field      the column as the table declares it
     * @param createdBy  the file's {@code created_by}, for parquet-column's compatibility fixes
     * @param path       the file, for error messages
     */
    static ColumnVector read(PageReadStore pages, Type fileType, Field field, int rows, String createdBy, Path path) {
        MessageType single = new MessageType("root", fileType);
        Object[] slot = new Object[1];
        GroupConverter root = new GroupConverter() {
            private final Converter child = converter(fileType, field, v -> slot[0] = v, path);

            @Override
            public Converter getConverter(int fieldIndex) {
                return child;
            }

            @Override
            public void start() {
                slot[0] = null;
            }

            @Override
            public void end() {
            }
        };
        RecordMaterializer<Object> materializer = new RecordMaterializer<>() {
            @Override
            public Object getCurrentRecord() {
                return slot[0];
            }

            @Override
            public GroupConverter getRootConverter() {
                return root;
            }
        };
        MessageColumnIO io = new ColumnIOFactory(createdBy).getColumnIO(single);
        RecordReader<Object> reader = io.getRecordReader(pages, materializer);
        Object[] values = new Object[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = reader.read();
        }
        return ColumnVector.of(field.type(), values);
    }

    private static Converter converter(Type fileType, Field field, Consumer<Object> sink, Path path) {
        NestedType shape = field.nested();
        if (shape == null) {
            if (!fileType.isPrimitive()) {
                throw mismatch(path, field, fileType);
            }
            return leaf(fileType.asPrimitiveType(), field, sink, path);
        }
        if (fileType.isPrimitive()) {
            throw mismatch(path, field, fileType);
        }
        GroupType group = fileType.asGroupType();
        if (shape instanceof NestedType.Struct struct) {
            return new StructConverter(group, struct, sink, path);
        }
        if (group.getFieldCount() != 1 || !group.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            throw mismatch(path, field, fileType);
        }
        Type repeated = group.getType(0);
        if (shape instanceof NestedType.Array array) {
            return new ListConverter(group.getName(), repeated, array.element(), sink, path);
        }
        NestedType.Map map = (NestedType.Map) shape;
        if (repeated.isPrimitive() || repeated.asGroupType().getFieldCount() != 2) {
            throw mismatch(path, field, fileType);
        }
        return new MapConverter(repeated.asGroupType(), map, sink, path);
    }

    /** A struct: one converter per file field, collected into a name-to-value map in the table's field order. */
    private static final class StructConverter extends GroupConverter {
        private final List<Field> fields;
        private final Converter[] children;
        private final Object[] values;
        private final Consumer<Object> sink;

        StructConverter(GroupType group, NestedType.Struct struct, Consumer<Object> sink, Path path) {
            this.fields = struct.fields();
            this.sink = sink;
            this.values = new Object[fields.size()];
            this.children = new Converter[group.getFieldCount()];
            for (int i = 0; i < children.length; i++) {
                Type t = group.getType(i);
                int target = -1;
                for (int k = 0; k < fields.size(); k++) {
                    if (fields.get(k).name().equals(t.getName())) {
                        target = k;
                    }
                }
                int at = target;
                children[i] = at < 0 ? ignoring(t) : converter(t, fields.get(at), v -> values[at] = v, path);
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {
            java.util.Arrays.fill(values, null);
        }

        @Override
        public void end() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int k = 0; k < values.length; k++) {
                m.put(fields.get(k).name(), values[k]);
            }
            sink.accept(Collections.unmodifiableMap(m));
        }
    }

    /** A list in any of the layouts listed on the class. */
    private static final class ListConverter extends GroupConverter {
        private final Converter repeatedConverter;
        private final Consumer<Object> sink;
        private List<Object> list;

        ListConverter(String listName, Type repeated, Field element, Consumer<Object> sink, Path path) {
            this.sink = sink;
            Consumer<Object> add = v -> list.add(v);
            boolean elementIsRepeated = repeated.isPrimitive()
                    || repeated.asGroupType().getFieldCount() > 1
                    || repeated.getName().equals("array")
                    || repeated.getName().equals(listName + "_tuple");
            if (elementIsRepeated) {
                repeatedConverter = converter(repeated, element, add, path);
            } else {
                repeatedConverter = new ElementConverter(repeated.asGroupType(), element, add, path);
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return repeatedConverter;
        }

        @Override
        public void start() {
            list = new ArrayList<>();
        }

        @Override
        public void end() {
            sink.accept(Collections.unmodifiableList(list));
        }
    }

    /** The repeated group of a three-level list: one element per occurrence, null when the element is absent. */
    private static final class ElementConverter extends GroupConverter {
        private final Converter child;
        private final Consumer<Object> sink;
        private Object value;

        ElementConverter(GroupType repeated, Field element, Consumer<Object> sink, Path path) {
            this.sink = sink;
            this.child = converter(repeated.getType(0), element, v -> value = v, path);
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return child;
        }

        @Override
        public void start() {
            value = null;
        }

        @Override
        public void end() {
            sink.accept(value);
        }
    }

    /** A map: the repeated key-value group's pairs, in file order. */
    private static final class MapConverter extends GroupConverter {
        private final GroupConverter pairs;
        private final Consumer<Object> sink;
        private Map<Object, Object> map;

        MapConverter(GroupType keyValue, NestedType.Map shape, Consumer<Object> sink, Path path) {
            this.sink = sink;
            Object[] pair = new Object[2];
            Converter key = converter(keyValue.getType(0), shape.key(), v -> pair[0] = v, path);
            Converter value = converter(keyValue.getType(1), shape.value(), v -> pair[1] = v, path);
            this.pairs = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return fieldIndex == 0 ? key : value;
                }

                @Override
                public void start() {
                    pair[0] = null;
                    pair[1] = null;
                }

                @Override
                public void end() {
                    map.put(pair[0], pair[1]);
                }
            };
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return pairs;
        }

        @Override
        public void start() {
            map = new LinkedHashMap<>();
        }

        @Override
        public void end() {
            sink.accept(Collections.unmodifiableMap(map));
        }
    }

    /** A leaf value converted as the top-level reader converts the same Parquet type to the same Delta type. */
    private static Converter leaf(PrimitiveType pt, Field field, Consumer<Object> sink, Path path) {
        DataType t = field.type();
        LogicalTypeAnnotation lt = pt.getLogicalTypeAnnotation();
        PrimitiveType.PrimitiveTypeName phys = pt.getPrimitiveTypeName();
        if (t == DataType.DECIMAL) {
            if (!(lt instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec)) {
                throw mismatch(path, field, pt);
            }
            int scale = dec.getScale();
            return new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    sink.accept(BigDecimal.valueOf(value, scale));
                }

                @Override
                public void addLong(long value) {
                    sink.accept(BigDecimal.valueOf(value, scale));
                }

                @Override
                public void addBinary(Binary value) {
                    sink.accept(new BigDecimal(new BigInteger(value.getBytes()), scale));
                }
            };
        }
        switch (t.storage()) {
            case LONG -> {
                long mul = 1;
                long div = 1;
                if (lt instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
                    switch (ts.getUnit()) {
                        case MILLIS -> mul = 1000;
                        case NANOS -> div = 1000;
                        default -> { }
                    }
                }
                if (phys != PrimitiveType.PrimitiveTypeName.INT32 && phys != PrimitiveType.PrimitiveTypeName.INT64
                        && !(phys == PrimitiveType.PrimitiveTypeName.INT96 && (t == DataType.TIMESTAMP || t == DataType.TIMESTAMP_NTZ))) {
                    throw mismatch(path, field, pt);
                }
                long m = mul;
                long d = div;
                return new PrimitiveConverter() {
                    @Override
                    public void addInt(int value) {
                        sink.accept(ColumnVector.valueOf(t, value));
                    }

                    @Override
                    public void addLong(long value) {
                        sink.accept(ColumnVector.valueOf(t, d == 1 ? value * m : Math.floorDiv(value, d)));
                    }

                    @Override
                    public void addBinary(Binary value) {
                        sink.accept(ColumnVector.valueOf(t, DataFileReader.int96ToMicros(value)));
                    }
                };
            }
            case DOUBLE -> {
                if (phys != PrimitiveType.PrimitiveTypeName.FLOAT && phys != PrimitiveType.PrimitiveTypeName.DOUBLE) {
                    throw mismatch(path, field, pt);
                }
                return new PrimitiveConverter() {
                    @Override
                    public void addFloat(float value) {
                        sink.accept(t == DataType.FLOAT ? (Object) value : (Object) (double) value);
                    }

                    @Override
                    public void addDouble(double value) {
                        sink.accept(t == DataType.FLOAT ? (Object) (float) value : (Object) value);
                    }
                };
            }
            case BOOLEAN -> {
                if (phys != PrimitiveType.PrimitiveTypeName.BOOLEAN) {
                    throw mismatch(path, field, pt);
                }
                return new PrimitiveConverter() {
                    @Override
                    public void addBoolean(boolean value) {
                        sink.accept(value);
                    }
                };
            }
            default -> {
                if (phys != PrimitiveType.PrimitiveTypeName.BINARY && phys != PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
                    throw mismatch(path, field, pt);
                }
                boolean text = t == DataType.STRING;
                return new PrimitiveConverter() {
                    @Override
                    public void addBinary(Binary value) {
                        sink.accept(text ? value.toStringUsingUTF8() : value.getBytes());
                    }
                };
            }
        }
    }

    private static Converter ignoring(Type t) {
        if (t.isPrimitive()) {
            return new PrimitiveConverter() {
            };
        }
        return new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return ignoring(t.asGroupType().getType(fieldIndex));
            }

            @Override
            public void start() {
            }

            @Override
            public void end() {
            }
        };
    }

    private static LakehouseException mismatch(Path path, Field f, Type fileType) {
        return new LakehouseException("data file " + path + " stores column or field '" + f.name() + "' as Parquet " + fileType
                + ", which does not match the table type " + f.type().deltaName());
    }
}
