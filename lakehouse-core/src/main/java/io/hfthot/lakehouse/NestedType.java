package io.hfthot.lakehouse;

import java.util.List;
import java.util.Objects;

/**
 * The shape of a nested column ({@link DataType#STRUCT}, {@link DataType#ARRAY} or {@link DataType#MAP}), read only.
 * Children are {@link Field}s, so an element, key or value can itself be nested.
 */
public sealed interface NestedType {

    /** Returns the {@link DataType} this shape belongs to. */
    DataType type();

    /**
     * A struct's fields, in schema order.
     *
     * @param fields at least one field, names unique
     */
    record Struct(List<Field> fields) implements NestedType {
        /** Copies and checks the fields. */
        public Struct {
            fields = List.copyOf(fields);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a struct needs at least one field");
            }
            if (fields.stream().map(Field::name).distinct().count() != fields.size()) {
                throw new IllegalArgumentException("struct field names must be unique: " + fields.stream().map(Field::name).toList());
            }
        }

        @Override
        public DataType type() {
            return DataType.STRUCT;
        }
    }

    /**
     * An array.
     *
     * @param element the element, named {@code element}; its {@code nullable} is Delta's {@code containsNull}
     */
    record Array(Field element) implements NestedType {
        /** Checks for null. */
        public Array {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public DataType type() {
            return DataType.ARRAY;
        }
    }

    /**
     * A map.
     *
     * @param key   the key, named {@code key}, never null
     * @param value the value, named {@code value}; its {@code nullable} is Delta's {@code valueContainsNull}
     */
    record Map(Field key, Field value) implements NestedType {
        /** Checks for null. */
        public Map {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public DataType type() {
            return DataType.MAP;
        }
    }
}
