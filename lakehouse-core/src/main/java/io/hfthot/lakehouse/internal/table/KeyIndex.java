package io.hfthot.lakehouse.internal.table;

import io.hfthot.lakehouse.ColumnVector;
import java.util.Arrays;

/**
 * An open-addressing hash index over the rows of some key columns, holding one row per distinct key (the last
 * put). Keys are compared by value with no per-row object: a batch of a million bars is indexed in milliseconds
 * instead of the seconds a {@code HashMap<List<Object>, ...>} took. Values compare as {@link Object#equals} on
 * {@link ColumnVector#get} would (doubles by bit pattern). Key columns hold no nulls.
 */
final class KeyIndex {
    private final ColumnVector[] cols;
    private final int[] slots;
    private final int mask;
    private int size;

    /** Creates an empty index sized for up to {@code expectedRows} distinct keys (it does not grow). */
    KeyIndex(ColumnVector[] cols, int expectedRows) {
        this.cols = cols;
        int cap = Integer.highestOneBit(Math.max(4, expectedRows) * 2 - 1) << 1;
        this.slots = new int[cap];
        Arrays.fill(slots, -1);
        this.mask = cap - 1;
    }

    /** Indexes a row of the key columns; a later row with the same key replaces the earlier one. */
    void put(int row) {
        int s = (int) hash(cols, row) & mask;
        while (slots[s] >= 0) {
            if (equal(cols, slots[s], cols, row)) {
                slots[s] = row;
                return;
            }
            s = (s + 1) & mask;
        }
        slots[s] = row;
        size++;
    }

    /** Returns the indexed row whose key equals row {@code row} of {@code other} (same column types), or -1. */
    int find(ColumnVector[] other, int row) {
        int s = (int) hash(other, row) & mask;
        while (slots[s] >= 0) {
            if (equal(cols, slots[s], other, row)) {
                return slots[s];
            }
            s = (s + 1) & mask;
        }
        return -1;
    }

    /** Returns the indexed rows, ascending. */
    int[] rows() {
        int[] out = new int[size];
        int k = 0;
        for (int r : slots) {
            if (r >= 0) {
                out[k++] = r;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static long hash(ColumnVector[] cols, int row) {
        long h = 0x9E3779B97F4A7C15L;
        for (ColumnVector v : cols) {
            long x = switch (v.type().storage()) {
                case LONG -> v.getLong(row);
                case DOUBLE -> Double.doubleToLongBits(v.getDouble(row));
                case BOOLEAN -> v.getBoolean(row) ? 1 : 2;
                case OBJECT -> v.get(row) instanceof byte[] b ? Arrays.hashCode(b) : v.getString(row).hashCode();
            };
            h = (h ^ x) * 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
        }
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    private static boolean equal(ColumnVector[] a, int i, ColumnVector[] b, int j) {
        for (int c = 0; c < a.length; c++) {
            ColumnVector x = a[c];
            ColumnVector y = b[c];
            boolean same = switch (x.type().storage()) {
                case LONG -> x.getLong(i) == y.getLong(j);
                case DOUBLE -> Double.doubleToLongBits(x.getDouble(i)) == Double.doubleToLongBits(y.getDouble(j));
                case BOOLEAN -> x.getBoolean(i) == y.getBoolean(j);
                case OBJECT -> x.get(i) instanceof byte[] bx ? Arrays.equals(bx, y.getBinary(j)) : x.getString(i).equals(y.getString(j));
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
