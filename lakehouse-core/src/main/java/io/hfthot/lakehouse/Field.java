package io.hfthot.lakehouse;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of a table schema.
 *
 * @param name     column name: 1 to 255 characters, none of space {@code , ; { } ( ) = } tab or newline (the
 *                 characters Delta refuses in Parquet column names without column mapping)
 * @param type     Delta type
 * @param nullable whether the column accepts nulls
 * @param nested   the shape of a {@link DataType#STRUCT}, {@link DataType#ARRAY} or {@link DataType#MAP} column (of
 *                 the same type), null for every other type
 */
public record Field(String name, DataType type, boolean nullable, NestedType nested) {
    private static final Pattern NAME = Pattern.compile("[^ ,;{}()\\n\\t=]{1,255}");

    /** Validates the name and type. */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column name '" + name
                    + "' is invalid: expected 1 to 255 characters without space , ; { } ( ) = tab or newline");
        }
        if (type.isNested() != (nested != null) || nested != null && nested.type() != type) {
            throw new IllegalArgumentException("column '" + name + "' of type " + type.deltaName() + " has shape " + nested
                    + ": struct, array and map columns need their shape, other types none");
        }
    }

    /** A column of a primitive type. */
    public Field(String name, DataType type, boolean nullable) {
        this(name, type, nullable, null);
    }

    /** A nested column. */
    public static Field nested(String name, NestedType shape, boolean nullable) {
        return new Field(name, shape.type(), nullable, shape);
    }

    /** A nullable column. */
    public static Field of(String name, DataType type) {
        return new Field(name, type, true);
    }

    /** A column that refuses nulls. */
    public static Field required(String name, DataType type) {
        return new Field(name, type, false);
    }
}
