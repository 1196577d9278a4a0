package io.hfthot.lakehouse.internal.parquet;

import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/** Maps Delta column types to the Parquet physical and logical types Delta writers use. */
public final class ParquetSchemas {
    private ParquetSchemas() {
    }

    /** The Parquet message type for the given (non-partition) columns. */
    public static MessageType toParquet(Schema schema) {
        List<Type> fields = new ArrayList<>();
        for (Field f : schema.fields()) {
            fields.add(toParquet(f));
        }
        return new MessageType("spark_schema", fields);
    }

    static PrimitiveType toParquet(Field f) {
        Type.Repetition rep = f.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        return switch (f.type()) {
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(f.name());
            case BYTE -> Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(8, true)).named(f.name());
            case SHORT -> Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(16, true)).named(f.name());
            case INTEGER -> Types.primitive(PrimitiveTypeName.INT32, rep).named(f.name());
            case LONG -> Types.primitive(PrimitiveTypeName.INT64, rep).named(f.name());
            case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, rep).named(f.name());
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(f.name());
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(f.name());
            case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, rep).named(f.name());
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(f.name());
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(f.name());
            case TIMESTAMP_NTZ -> Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named(f.name());
            // Precision and scale are not carried by Field, so decimal columns are never written (table or export).
            case DECIMAL -> throw new io.hfthot.lakehouse.UnsupportedFeatureException("decimal writing", "column '" + f.name()
                    + "' has a decimal type, which this module reads but does not write");
            case STRUCT, ARRAY, MAP -> throw new io.hfthot.lakehouse.UnsupportedFeatureException("nested column writing", "column '"
                    + f.name() + "' has type " + f.type().deltaName() + ", which this module reads but does not write");
        };
    }

    /** Whether a type is written with 32-bit physical integers. */
    static boolean isInt32(DataType t) {
        return t == DataType.BYTE || t == DataType.SHORT || t == DataType.INTEGER || t == DataType.DATE;
    }
}
