package io.hfthot.lakehouse.internal.table;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Predicate;
import io.hfthot.lakehouse.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * The keys of an upsert batch: which rows of the batch survive (the last of several rows with one key), which
 * stored rows they replace, and a predicate that prunes the files that cannot hold such a row.
 */
public final class UpsertKeys {
    private final List<String> keyColumns;
    private final ColumnBatch rows;
    private final KeyIndex index;
    private final Predicate pruning;

    private UpsertKeys(List<String> keyColumns, ColumnBatch rows, KeyIndex index, Predicate pruning) {
        this.keyColumns = keyColumns;
        this.rows = rows;
        this.index = index;
        this.pruning = pruning;
    }

    /**
     * Computes the keys of a batch already conformed to the table schema.
     *
     * @throws IllegalArgumentException when a key column is unknown, repeated, or holds a null
     */
    public static UpsertKeys of(ColumnBatch batch, Schema schema, List<String> partitionColumns, List<String> keyColumns,
                                String tableName) {
        if (keyColumns.isEmpty() || new HashSet<>(keyColumns).size() != keyColumns.size()) {
            throw new IllegalArgumentException("upsert key columns " + keyColumns + " of table '" + tableName
                    + "' must be one or more distinct columns of " + schema.names());
        }
        ColumnVector[] cols = new ColumnVector[keyColumns.size()];
        for (int c = 0; c < cols.length; c++) {
            String k = keyColumns.get(c);
            if (schema.indexOf(k) < 0) {
                throw new IllegalArgumentException("upsert key column '" + k + "' is not in table '" + tableName
                        + "' (columns " + schema.names() + ")");
            }
            cols[c] = batch.column(k);
            if (cols[c].hasNulls()) {
                throw new IllegalArgumentException("upsert key column '" + k + "' of table '" + tableName
                        + "' has nulls in the batch; every key value must be set");
            }
        }
        int n = batch.rowCount();
        // Last row wins for a key repeated inside the batch, like a feed that sends a corrected bar.
        KeyIndex all = new KeyIndex(cols, n);
        for (int i = 0; i < n; i++) {
            all.put(i);
        }
        int[] keep = all.rows();
        ColumnBatch rows = keep.length == n ? batch : batch.select(keep, keep.length);
        ColumnVector[] kept = new ColumnVector[cols.length];
        for (int c = 0; c < cols.length; c++) {
            kept[c] = rows.column(keyColumns.get(c));
        }
        KeyIndex index = all;
        if (keep.length != n) {
            index = new KeyIndex(kept, rows.rowCount());
            for (int i = 0; i < rows.rowCount(); i++) {
                index.put(i);
            }
        }
        Predicate pruning = pruningPredicate(rows, schema, partitionColumns, keyColumns);
        return new UpsertKeys(List.copyOf(keyColumns), rows, index, pruning);
    }

    /** Returns the batch's rows with one row per key (the last given), in batch order. */
    public ColumnBatch rows() {
        return rows;
    }

    /** Returns a predicate true for every stored row that may share a key with the batch (more rows, never fewer). */
    public Predicate pruning() {
        return pruning;
    }

    /** Flags the rows of a stored file's batch whose key the upsert replaces. */
    public boolean[] matches(ColumnBatch stored) {
        ColumnVector[] cols = new ColumnVector[keyColumns.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = stored.column(keyColumns.get(c));
        }
        boolean[] out = new boolean[stored.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = !anyNull(cols, i) && index.find(cols, i) >= 0;
        }
        return out;
    }

    private static boolean anyNull(ColumnVector[] cols, int row) {
        for (ColumnVector v : cols) {
            if (v.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Per combination of the partition key columns' values: those values, and the [min, max] range of every other
     * orderable key column; the disjunction over combinations. Statistics then skip every file outside them.
     */
    private static Predicate pruningPredicate(ColumnBatch rows, Schema schema, List<String> partitionColumns,
                                              List<String> keyColumns) {
        List<String> partKeys = new ArrayList<>();
        List<String> rangeKeys = new ArrayList<>();
        for (String k : keyColumns) {
            DataType t = schema.field(k).type();
            if (partitionColumns.contains(k)) {
                partKeys.add(k);
            } else if (t != DataType.BOOLEAN && t != DataType.BINARY) {
                rangeKeys.add(k);
            }
        }
        ColumnVector[] pcols = new ColumnVector[partKeys.size()];
        for (int c = 0; c < pcols.length; c++) {
            pcols[c] = rows.column(partKeys.get(c));
        }
        ColumnVector[] rcols = new ColumnVector[rangeKeys.size()];
        for (int r = 0; r < rcols.length; r++) {
            rcols[r] = rows.column(rangeKeys.get(r));
        }
        // One representative row per partition-key group, and per group the rows holding each range column's
        // minimum and maximum (compared on primitives, no per-row objects).
        KeyIndex groupIndex = new KeyIndex(pcols, rows.rowCount());
        java.util.Map<Integer, int[]> extremes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < rows.rowCount(); i++) {
            int g = pcols.length == 0 ? 0 : groupIndex.find(pcols, i);
            if (g < 0) {
                groupIndex.put(i);
                g = i;
            }
            int[] ex = extremes.get(g);
            if (ex == null) {
                ex = new int[2 * rcols.length];
                Arrays.fill(ex, i);
                extremes.put(g, ex);
                continue;
            }
            for (int r = 0; r < rcols.length; r++) {
                if (compare(rcols[r], i, ex[2 * r]) < 0) {
                    ex[2 * r] = i;
                }
                if (compare(rcols[r], i, ex[2 * r + 1]) > 0) {
                    ex[2 * r + 1] = i;
                }
            }
        }
        List<Predicate> alternatives = new ArrayList<>();
        for (java.util.Map.Entry<Integer, int[]> e : extremes.entrySet()) {
            Predicate p = null;
            for (int c = 0; c < pcols.length; c++) {
                p = and(p, Predicate.eq(partKeys.get(c), pcols[c].get(e.getKey())));
            }
            for (int r = 0; r < rcols.length; r++) {
                p = and(p, Predicate.ge(rangeKeys.get(r), rcols[r].get(e.getValue()[2 * r])));
                p = and(p, Predicate.le(rangeKeys.get(r), rcols[r].get(e.getValue()[2 * r + 1])));
            }
            if (p == null) {
                return null; // no prunable key column: every file is a candidate
            }
            alternatives.add(p);
        }
        return alternatives.isEmpty() ? null : balancedOr(alternatives, 0, alternatives.size());
    }

    /** A balanced tree keeps evaluation depth logarithmic in the number of key groups. */
    private static Predicate balancedOr(List<Predicate> ps, int from, int to) {
        if (to - from == 1) {
            return ps.get(from);
        }
        int mid = (from + to) >>> 1;
        return balancedOr(ps, from, mid).or(balancedOr(ps, mid, to));
    }

    private static Predicate and(Predicate a, Predicate b) {
        return a == null ? b : a.and(b);
    }

    private static int compare(ColumnVector v, int i, int j) {
        return switch (v.type().storage()) {
            case LONG -> Long.compare(v.getLong(i), v.getLong(j));
            case DOUBLE -> Double.compare(v.getDouble(i), v.getDouble(j));
            case BOOLEAN -> Boolean.compare(v.getBoolean(i), v.getBoolean(j));
            case OBJECT -> v.getString(i).compareTo(v.getString(j));
        };
    }
}
