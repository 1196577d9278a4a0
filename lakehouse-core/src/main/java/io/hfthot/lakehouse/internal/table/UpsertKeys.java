package io.hfthot.lakehouse.internal.table;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Predicate;
import io.hfthot.lakehouse.Schema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of an upsert batch: which rows of the batch survive (the last of several rows with one key), which
 * stored rows they replace, and a predicate that prunes the files that cannot hold such a row.
 */
public final class UpsertKeys {
    private final List<String> keyColumns;
    private final ColumnBatch rows;
    private final Set<List<Object>> keys;
    private final Predicate pruning;

    private UpsertKeys(List<String> keyColumns, ColumnBatch rows, Set<List<Object>> keys, Predicate pruning) {
        this.keyColumns = keyColumns;
        this.rows = rows;
        this.keys = keys;
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
        Map<List<Object>, Integer> last = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            last.put(key(cols, i), i);
        }
        int[] keep = new int[last.size()];
        int k = 0;
        for (int i : last.values()) {
            keep[k++] = i;
        }
        Arrays.sort(keep);
        ColumnBatch rows = keep.length == n ? batch : batch.select(keep, keep.length);
        Predicate pruning = pruningPredicate(rows, schema, partitionColumns, keyColumns);
        return new UpsertKeys(List.copyOf(keyColumns), rows, new HashSet<>(last.keySet()), pruning);
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
            out[i] = keys.contains(key(cols, i));
        }
        return out;
    }

    private static List<Object> key(ColumnVector[] cols, int row) {
        List<Object> key = new ArrayList<>(cols.length);
        for (ColumnVector v : cols) {
            Object o = v.get(row);
            key.add(o instanceof byte[] b ? ByteBuffer.wrap(b) : o);
        }
        return key;
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
        Map<List<Object>, Object[][]> groups = new HashMap<>();
        for (int i = 0; i < rows.rowCount(); i++) {
            List<Object> g = new ArrayList<>(partKeys.size());
            for (String p : partKeys) {
                g.add(rows.column(p).get(i));
            }
            Object[][] range = groups.computeIfAbsent(g, x -> new Object[rangeKeys.size()][2]);
            for (int r = 0; r < rangeKeys.size(); r++) {
                Object v = rows.column(rangeKeys.get(r)).get(i);
                if (range[r][0] == null || compare(v, range[r][0]) < 0) {
                    range[r][0] = v;
                }
                if (range[r][1] == null || compare(v, range[r][1]) > 0) {
                    range[r][1] = v;
                }
            }
        }
        List<Predicate> alternatives = new ArrayList<>();
        for (Map.Entry<List<Object>, Object[][]> e : groups.entrySet()) {
            Predicate p = null;
            for (int c = 0; c < partKeys.size(); c++) {
                p = and(p, Predicate.eq(partKeys.get(c), e.getKey().get(c)));
            }
            for (int r = 0; r < rangeKeys.size(); r++) {
                p = and(p, Predicate.ge(rangeKeys.get(r), e.getValue()[r][0]));
                p = and(p, Predicate.le(rangeKeys.get(r), e.getValue()[r][1]));
            }
            if (p == null) {
                return null; // no prunable key column: every file is a candidate
            }
            alternatives.add(p);
        }
        return balancedOr(alternatives, 0, alternatives.size());
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
