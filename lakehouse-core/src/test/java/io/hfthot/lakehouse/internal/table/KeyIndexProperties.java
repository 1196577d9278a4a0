package io.hfthot.lakehouse.internal.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** {@link KeyIndex} against a {@code HashMap<List<Object>, Integer>} over {@link ColumnVector#get} values. */
class KeyIndexProperties {

    @Property(tries = 200)
    void keepsTheLastRowOfEachKeyAndFindsExactlyTheIndexedKeys(
            @ForAll @Size(max = 300) List<@LongRange(min = -3, max = 3) Long> longs,
            @ForAll @Size(max = 300) List<@StringLength(max = 2) String> strings,
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 3) Integer> doubles) {
        int n = Math.min(longs.size(), Math.min(strings.size(), doubles.size()));
        long[] l = new long[n];
        String[] s = new String[n];
        double[] d = new double[n];
        double[] palette = {0.0, -0.0, 1.5, Double.NaN};
        for (int i = 0; i < n; i++) {
            l[i] = longs.get(i);
            s[i] = strings.get(i);
            d[i] = palette[doubles.get(i)];
        }
        ColumnVector[] cols = {ColumnVector.wrapLongs(DataType.LONG, l, null, n), ColumnVector.ofStrings(s),
                ColumnVector.wrapDoubles(DataType.DOUBLE, d, null, n)};
        KeyIndex index = new KeyIndex(cols, n);
        Map<List<Object>, Integer> reference = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(i);
            reference.put(key(cols, i), i);
        }
        int[] expected = reference.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        assertArrayEquals(expected, index.rows());
        for (int i = 0; i < n; i++) {
            assertEquals(reference.get(key(cols, i)), index.find(cols, i));
        }
        ColumnVector[] probe = {ColumnVector.wrapLongs(DataType.LONG, new long[] {99}, null, 1), ColumnVector.ofStrings(new String[] {"zzz"}),
                ColumnVector.wrapDoubles(DataType.DOUBLE, new double[] {0.0}, null, 1)};
        assertEquals(-1, index.find(probe, 0), "a key outside the batch is not found");
    }

    private static List<Object> key(ColumnVector[] cols, int row) {
        List<Object> k = new ArrayList<>();
        for (ColumnVector c : cols) {
            k.add(c.get(row));
        }
        return k;
    }
}
