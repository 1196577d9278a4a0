package io.hfthot.quant.marketmaking;

import io.hfthot.quant.InvalidParameterException;
import java.util.Arrays;

/**
 * Eigen-decomposition of a real symmetric tridiagonal matrix by the implicit QL method with Wilkinson shifts
 * (procedure {@code tql2} of Bowdler, Martin, Reinsch and Wilkinson, Handbook for Automatic Computation vol. II,
 * 1971, as in EISPACK and the public-domain JAMA). Backward stable: the computed pairs are exact for a matrix
 * within a few {@code eps ||M||} of the input, and the eigenvectors are orthonormal to working precision.
 *
 * <p>Why here rather than a library: it is the only dense eigen-decomposition quant-core needs
 * ({@link GlftExact}), and keeping it in the module leaves quant-core with no dependency beyond the JDK.
 */
final class SymmetricTridiagonalEigen {
    /** QL sweeps allowed per eigenvalue; tql2 typically needs one to three, EISPACK allows 30. */
    private static final int MAX_SWEEPS_PER_EIGENVALUE = 60;

    private SymmetricTridiagonalEigen() {
    }

    /**
     * Decomposes {@code M = V diag(d) V^T}.
     *
     * @param d on entry the diagonal of M (length n); on exit the eigenvalues, in no particular order (modified)
     * @param offDiagonal {@code offDiagonal[i] = M[i][i+1] = M[i+1][i]}, length {@code n - 1} (not modified)
     * @param vectors output, length {@code n * n}, row-major: {@code vectors[p * n + j]} is entry p of the unit
     *     eigenvector for {@code d[j]} (overwritten)
     * @throws IllegalArgumentException if the lengths do not match or an entry is not finite
     * @throws ArithmeticException if an eigenvalue does not converge within the sweep limit
     */
    static void decompose(double[] d, double[] offDiagonal, double[] vectors) {
        int n = d.length;
        if (offDiagonal.length != Math.max(0, n - 1) || vectors.length != n * n) {
            throw new InvalidParameterException("offDiagonal",
                    "tridiagonal of order " + n + " needs " + Math.max(0, n - 1)
                    + " off-diagonal entries and " + n * n + " vector entries, got " + offDiagonal.length + " and "
                    + vectors.length);
        }
        for (double x : d) {
            requireFinite(x);
        }
        for (double x : offDiagonal) {
            requireFinite(x);
        }
        // e[i] couples rows i and i+1; e[n-1] is the zero that ends the last block.
        double[] e = new double[n];
        System.arraycopy(offDiagonal, 0, e, 0, offDiagonal.length);
        Arrays.fill(vectors, 0);
        for (int i = 0; i < n; i++) {
            vectors[i * n + i] = 1;
        }
        double eps = Math.ulp(1.0);
        double shiftSum = 0;
        double scale = 0;
        for (int l = 0; l < n; l++) {
            scale = Math.max(scale, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n && Math.abs(e[m]) > eps * scale) {
                m++;
            }
            // m < n always: e[n-1] == 0 stops the scan.
            int sweeps = 0;
            while (m > l && Math.abs(e[l]) > eps * scale) {
                if (++sweeps > MAX_SWEEPS_PER_EIGENVALUE) {
                    throw new ArithmeticException("symmetric tridiagonal eigenvalue " + l + " of " + n
                            + " did not converge in " + MAX_SWEEPS_PER_EIGENVALUE + " QL sweeps");
                }
                shiftSum += sweep(d, e, vectors, n, l, m);
            }
            d[l] += shiftSum;
            e[l] = 0;
        }
    }

    private static void requireFinite(double x) {
        if (!Double.isFinite(x)) {
            throw new InvalidParameterException("diagonal", "tridiagonal matrix entries must be finite, got " + x);
        }
    }

    /** One implicit QL sweep on the block {@code l..m} with a Wilkinson shift; returns the shift applied. */
    private static double sweep(double[] d, double[] e, double[] vectors, int n, int l, int m) {
        double g = d[l];
        double p = (d[l + 1] - g) / (2 * e[l]);
        double r = Math.hypot(p, 1);
        if (p < 0) {
            r = -r;
        }
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        double dl1 = d[l + 1];
        double shift = g - d[l];
        for (int i = l + 2; i < n; i++) {
            d[i] -= shift;
        }
        p = d[m];
        double c = 1;
        double c2 = 1;
        double c3 = 1;
        double el1 = e[l + 1];
        double s = 0;
        double s2 = 0;
        for (int i = m - 1; i >= l; i--) {
            c3 = c2;
            c2 = c;
            s2 = s;
            g = c * e[i];
            double h = c * p;
            r = Math.hypot(p, e[i]);
            e[i + 1] = s * r;
            s = e[i] / r;
            c = p / r;
            p = c * d[i] - s * g;
            d[i + 1] = h + s * (c * g + s * d[i]);
            // Accumulate the Givens rotation into columns i and i+1 of V.
            for (int k = 0; k < n; k++) {
                int row = k * n;
                double vNext = vectors[row + i + 1];
                vectors[row + i + 1] = s * vectors[row + i] + c * vNext;
                vectors[row + i] = c * vectors[row + i] - s * vNext;
            }
        }
        p = -s * s2 * c3 * el1 * e[l] / dl1;
        e[l] = s * p;
        d[l] = c * p;
        return shift;
    }
}
