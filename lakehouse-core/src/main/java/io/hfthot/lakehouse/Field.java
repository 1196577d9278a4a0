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
 */
public record Field(String name, DataType type, boolean nullable) {
    private static final Pattern NAME = Pattern.compile("[^ ,;{}()\\n\\t=]{1,255}");

    /** Validates the name and type. */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column name '" + name
                    + "' is invalid: expected 1 to 255 characters without space , ; { } ( ) = tab or newline");
        }
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
