package io.hfthot.lakehouse;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of a table schema.
 *
 * @param name     column name (letters, digits and underscores, not starting with a digit)
 * @param type     Delta type
 * @param nullable whether the column accepts nulls
 */
public record Field(String name, DataType type, boolean nullable) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** Validates the name and type. */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column name '" + name
                    + "' is invalid: expected letters, digits and underscores, not starting with a digit");
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
