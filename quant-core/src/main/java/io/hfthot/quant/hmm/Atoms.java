package io.hfthot.quant.hmm;

import java.util.Arrays;

/**
 * The repeated values of each feature ("atoms": exactly-zero returns on holidays, a stale price repeated for
 * days), found once per fit so that a state sitting on one of them can be told from a regime.
 *
 * <p>A value is an atom when it occurs at least {@link #MIN_REPEATS} times. Quantised data (prices on a tick
 * grid) has many atoms, but no single one of them carries most of a regime's observations, which is what
 * {@link Degeneracy} looks for.
 */
final class Atoms {
    /** A value must occur this often to count as an atom. */
    static final int MIN_REPEATS = 5;

    /** Per feature, per observation: the index of its atom, or -1. */
    final int[][] ids;
    /** Per feature: the atoms' values, in the data's own units (exact, so that messages can quote them). */
    final double[][] values;

    private Atoms(int[][] ids, double[][] values) {
        this.ids = ids;
        this.values = values;
    }

    /** Finds the atoms of row-major data with {@code d} features (the original data: standardising can round). */
    static Atoms of(double[] z, int length, int d) {
        int[][] ids = new int[d][length];
        double[][] values = new double[d][];
        double[] column = new double[length];
        for (int f = 0; f < d; f++) {
            for (int t = 0; t < length; t++) {
                column[t] = z[t * d + f];
            }
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            double[] atoms = new double[length / MIN_REPEATS + 1];
            int count = 0;
            for (int i = 0; i < length; ) {
                int j = i;
                while (j < length && sorted[j] == sorted[i]) {
                    j++;
                }
                if (j - i >= MIN_REPEATS) {
                    atoms[count++] = sorted[i];
                }
                i = j;
            }
            values[f] = Arrays.copyOf(atoms, count);
            for (int t = 0; t < length; t++) {
                ids[f][t] = count == 0 ? -1 : Math.max(-1, Arrays.binarySearch(values[f], column[t]));
            }
        }
        return new Atoms(ids, values);
    }
}
