package io.hfthot.lakehouse;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a {@link ColumnBatch}, read through typed accessors; a view, cheap to create.
 */
public final class Row {
    private final ColumnBatch batch;
    private final int index;

    Row(ColumnBatch batch, int index) {
        this.batch = batch;
        this.index = index;
    }

    /** Returns the row's schema. */
    public Schema schema() {
        return batch.schema();
    }

    /** Returns the typed value of a column (see {@link ColumnVector#get(int)}), or null. */
    public Object get(String column) {
        return batch.column(column).get(index);
    }

    /** Returns whether a column is null in this row. */
    public boolean isNull(String column) {
        return batch.column(column).isNull(index);
    }

    /** Returns a long-stored column's value (integers, epoch days, epoch micros). */
    public long getLong(String column) {
        return batch.column(column).getLong(index);
    }

    /** Returns a double or float column's value. */
    public double getDouble(String column) {
        return batch.column(column).getDouble(index);
    }

    /** Returns a string column's value, or null. */
    public String getString(String column) {
        return batch.column(column).getString(index);
    }

    /** Returns all typed values in schema order. */
    public List<Object> values() {
        List<Object> out = new ArrayList<>(batch.schema().size());
        for (int c = 0; c < batch.schema().size(); c++) {
            out.add(batch.column(c).get(index));
        }
        return out;
    }

    @Override
    public String toString() {
        return batch.schema().names() + "=" + values();
    }
}
