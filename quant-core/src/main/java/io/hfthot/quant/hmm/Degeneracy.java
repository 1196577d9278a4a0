package io.hfthot.quant.hmm;

import java.util.Locale;

/**
 * A degenerate state of a fitted model, on standardised data: a state that explains less than
 * {@link #MIN_OCCUPANCY} observation; or whose unfloored variance in some feature fell to the variance floor (it
 * collapsed onto (nearly) identical values); or that sits on a repeated value (the point-mass guard: at least
 * {@link #ATOM_SHARE} of the observations it explains equal one {@link Atoms atom}, such as exactly-zero
 * returns, while a few other observations keep its variance above the floor).
 *
 * @param state        the state
 * @param feature      the collapsed feature, or -1 for an empty state
 * @param occupancy    expected number of observations the state explains
 * @param mean         the state's mean in that feature (standardised; 0 for an empty state)
 * @param rawVariance  the state's variance before the floor (standardised; 0 for an empty state)
 * @param atomMass     expected number of the state's observations equal to its heaviest atom (0 if none)
 * @param atom         that atom's value in the data's units, NaN if none
 */
record Degeneracy(int state, int feature, double occupancy, double mean, double rawVariance, double atomMass,
                  double atom) {
    /** A state explaining fewer observations than this is reported as empty. */
    static final double MIN_OCCUPANCY = 1.0;
    /** A state with at least this share of its observations on one atom is a point mass, not a regime. */
    static final double ATOM_SHARE = 0.5;

    /**
     * The first degenerate state of {@code m}, judged from the sufficient statistics of the E-step under
     * {@code m} left in the workspace, or null if there is none.
     */
    static Degeneracy find(GaussianHmm m, HmmWorkspace ws, double[] floor, Atoms atoms) {
        int k = m.k;
        int d = m.d;
        for (int i = 0; i < k; i++) {
            if (ws.occupancy[i] < MIN_OCCUPANCY) {
                return new Degeneracy(i, -1, ws.occupancy[i], 0, 0, 0, Double.NaN);
            }
        }
        for (int f = 0; f < d; f++) {
            int n = atoms.values[f].length;
            double[] mass = new double[k * n];
            if (n > 0) {
                int[] ids = atoms.ids[f];
                for (int t = 0; t < ids.length; t++) {
                    if (ids[t] >= 0) {
                        for (int i = 0; i < k; i++) {
                            mass[i * n + ids[t]] += ws.gamma[t * k + i];
                        }
                    }
                }
            }
            for (int i = 0; i < k; i++) {
                int heaviest = -1;
                for (int a = 0; a < n; a++) {
                    if (heaviest < 0 || mass[i * n + a] > mass[i * n + heaviest]) {
                        heaviest = a;
                    }
                }
                double atomMass = heaviest < 0 ? 0 : mass[i * n + heaviest];
                double raw = ws.rawVariance[i * d + f];
                if (raw <= floor[f] || atomMass >= ATOM_SHARE * ws.occupancy[i]) {
                    return new Degeneracy(i, f, ws.occupancy[i], m.means[i * d + f], raw, atomMass,
                            heaviest < 0 ? Double.NaN : atoms.values[f][heaviest]);
                }
            }
        }
        return null;
    }

    /** Describes the state in the data's own units, given the standardisation. */
    String describe(double[] centre, double[] spread) {
        if (feature < 0) {
            return String.format(Locale.ROOT, "a state is empty: it explains %.3g observations (< %.0f)", occupancy,
                    MIN_OCCUPANCY);
        }
        double originalMean = centre[feature] + spread[feature] * mean;
        double originalVariance = rawVariance * spread[feature] * spread[feature];
        if (atomMass > 0) {
            return String.format(Locale.ROOT, "a state sits on a repeated value of feature %d: %.1f of the %.1f "
                    + "observations it explains equal %.6g (variance %.3g); a point mass such as exactly-zero "
                    + "returns or a stale price, not a regime", feature, atomMass, occupancy,
                    atom, originalVariance);
        }
        return String.format(Locale.ROOT,
                "a state collapsed onto nearly identical values of feature %d: %.1f observations near %.6g with "
                        + "variance %.3g, at or below the variance floor (a run of identical values, e.g. "
                        + "exactly-zero returns?)", feature, occupancy, originalMean, originalVariance);
    }
}
