package io.hfthot.lakehouse;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rows held column by column: a {@link Schema} and one {@link ColumnVector} per column, all of the same length.
 * Immutable. This is both what writers take and what readers return; {@link #rows()} gives a typed row view.
 */
public final class ColumnBatch {
    private final Schema schema;
    private final ColumnVector[] columns;
    private final int rowCount;

    /**
     * Creates a batch.
     *
     * @throws IllegalArgumentException when a column's type or length does not match
     */
    public ColumnBatch(Schema schema, List<ColumnVector> columns) {
        this.schema = Objects.requireNonNull(schema, "schema");
        if (columns.size() != schema.size()) {
            throw new IllegalArgumentException("batch has " + columns.size() + " columns, schema " + schema.names() + " has " + schema.size());
        }
        this.columns = columns.toArray(new ColumnVector[0]);
        int n = this.columns.length == 0 ? 0 : this.columns[0].size();
        for (int c = 0; c < this.columns.length; c++) {
            Field f = schema.fields().get(c);
            ColumnVector v = this.columns[c];
            if (v.type() != f.type()) {
                throw new IllegalArgumentException("column '" + f.name() + "' has type " + v.type().deltaName() + ", schema says " + f.type().deltaName());
            }
            if (v.size() != n) {
                throw new IllegalArgumentException("column '" + f.name() + "' has " + v.size() + " values, expected " + n);
            }
        }
        this.rowCount = n;
    }

    /** Starts a row-by-row builder. */
    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    /** Returns the schema. */
    public Schema schema() {
        return schema;
    }

    /** Returns the number of rows. */
    public int rowCount() {
        return rowCount;
    }

    /** Returns a column by position. */
    public ColumnVector column(int index) {
        return columns[index];
    }

    /** Returns a column by name. */
    public ColumnVector column(String name) {
        int i = schema.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown column '" + name + "'; columns are " + schema.names());
        }
        return columns[i];
    }

    /** Returns a typed row view. */
    public List<Row> rows() {
        return new AbstractList<>() {
            @Override
            public Row get(int index) {
                Objects.checkIndex(index, rowCount);
                return new Row(ColumnBatch.this, index);
            }

            @Override
            public int size() {
                return rowCount;
            }
        };
    }

    /** Returns the rows at the given indices (the first {@code count}), in that order. */
    public ColumnBatch select(int[] rows, int count) {
        List<ColumnVector> out = new ArrayList<>(columns.length);
        for (ColumnVector c : columns) {
            out.add(c.select(rows, count));
        }
        return new ColumnBatch(schema, out);
    }

    /** Concatenates batches sharing one schema; an empty list needs the schema to build an empty batch. */
    public static ColumnBatch concat(Schema schema, List<ColumnBatch> parts) {
        List<ColumnVector> out = new ArrayList<>(schema.size());
        for (int c = 0; c < schema.size(); c++) {
            List<ColumnVector> cols = new ArrayList<>(parts.size());
            for (ColumnBatch b : parts) {
                cols.add(b.columns[c]);
            }
            out.add(ColumnVector.concat(schema.fields().get(c).type(), cols));
        }
        return new ColumnBatch(schema, out);
    }

    /** Collects rows of typed values and builds a {@link ColumnBatch}. */
    public static final class Builder {
        private final Schema schema;
        private final List<Object[]> rows = new ArrayList<>();

        private Builder(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
        }

        /**
         * Adds a row of typed values in schema order.
         *
         * @throws IllegalArgumentException when the value count differs from the column count
         */
        public Builder addRow(Object... values) {
            if (values.length != schema.size()) {
                throw new IllegalArgumentException("row has " + values.length + " values, schema " + schema.names() + " has " + schema.size());
            }
            rows.add(values.clone());
            return this;
        }

        /** Builds the batch, converting and checking every value. */
        public ColumnBatch build() {
            List<ColumnVector> cols = new ArrayList<>(schema.size());
            for (int c = 0; c < schema.size(); c++) {
                Object[] vals = new Object[rows.size()];
                for (int r = 0; r < vals.length; r++) {
                    vals[r] = rows.get(r)[c];
                }
                cols.add(ColumnVector.of(schema.fields().get(c).type(), vals));
            }
            return new ColumnBatch(schema, cols);
        }
    }
}
