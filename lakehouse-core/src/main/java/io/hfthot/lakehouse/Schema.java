package io.hfthot.lakehouse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered list of uniquely named columns: the logical schema of a table.
 *
 * @param fields the columns, in order
 */
public record Schema(List<Field> fields) {
    /** Copies the list and checks that names are unique (case-insensitively, as Delta requires). */
    public Schema {
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("schema must have at least one column");
        }
        Map<String, String> seen = new HashMap<>();
        for (Field f : fields) {
            String prev = seen.put(f.name().toLowerCase(java.util.Locale.ROOT), f.name());
            if (prev != null) {
                throw new IllegalArgumentException("column name '" + f.name() + "' duplicates '" + prev + "'");
            }
        }
    }

    /** Builds a schema from columns. */
    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    /** Returns the index of a column, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns a column by name.
     *
     * @throws IllegalArgumentException naming the known columns when absent
     */
    public Field field(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown column '" + name + "'; columns are " + names());
        }
        return fields.get(i);
    }

    /** Returns the column names in order. */
    public List<String> names() {
        List<String> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            out.add(f.name());
        }
        return out;
    }

    /** Returns the number of columns. */
    public int size() {
        return fields.size();
    }

    /** Returns the columns named, in the order given. */
    public Schema select(List<String> names) {
        List<Field> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(field(n));
        }
        return new Schema(out);
    }
}
