package io.hfthot.quant.marketmaking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class SymmetricTridiagonalEigenTest {
    /** Backward-stable residuals: a small multiple of eps times ||M|| (here ||M|| ~ n^2 alpha). */
    private static final double RESIDUAL_RELATIVE = 1e-12;

    private static double[][] dense(double[] diagonal, double[] off) {
        int n = diagonal.length;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = diagonal[i];
            if (i + 1 < n) {
                m[i][i + 1] = off[i];
                m[i + 1][i] = off[i];
            }
        }
        return m;
    }

    /** Checks M V = V diag(lambda) and V^T V = I, and the eigenvalues against commons-math3. */
    private static void check(double[] diagonal, double[] off) {
        int n = diagonal.length;
        double[] lambda = diagonal.clone();
        double[] v = new double[n * n];
        SymmetricTridiagonalEigen.decompose(lambda, off.clone(), v);
        double[][] m = dense(diagonal, off);
        double norm = Arrays.stream(m).mapToDouble(r -> Arrays.stream(r).map(Math::abs).sum()).max().orElse(0);
        double tolerance = RESIDUAL_RELATIVE * Math.max(norm, 1);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double mv = 0;
                double gram = 0;
                for (int p = 0; p < n; p++) {
                    mv += m[i][p] * v[p * n + j];
                    gram += v[p * n + i] * v[p * n + j];
                }
                assertEquals(lambda[j] * v[i * n + j], mv, tolerance, "residual row " + i + " pair " + j);
                assertEquals(i == j ? 1 : 0, gram, 1e-12, "orthonormality " + i + "," + j);
            }
        }
        double[] ours = lambda.clone();
        Arrays.sort(ours);
        double[] theirs = new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues();
        Arrays.sort(theirs);
        assertArrayEquals(theirs, ours, tolerance);
    }

    @Test
    void matchesCommonsMathAndIsOrthonormalOnRandomMatrices() {
        SplittableRandom random = new SplittableRandom(20);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(40);
            double[] diagonal = random.doubles(n, -5, 5).toArray();
            double[] off = random.doubles(n - 1, -3, 3).toArray();
            check(diagonal, off);
        }
    }

    @Test
    void glftShapedMatrixWithNearlyDegenerateTail() {
        int n = 61;
        double[] diagonal = new double[n];
        double[] off = new double[n - 1];
        for (int p = 0; p < n; p++) {
            diagonal[p] = 0.02 * p * p;
            if (p + 1 < n) {
                off[p] = p == 0 ? -Math.sqrt(2) * 0.7 : -0.7;
            }
        }
        check(diagonal, off);
    }

    @Test
    void closedFormOfTheDiscreteLaplacian() {
        // tridiag(-1, 2, -1) of order n has eigenvalues 2 - 2 cos(k pi / (n + 1)), k = 1..n.
        int n = 25;
        double[] lambda = new double[n];
        Arrays.fill(lambda, 2);
        double[] off = new double[n - 1];
        Arrays.fill(off, -1);
        SymmetricTridiagonalEigen.decompose(lambda, off, new double[n * n]);
        Arrays.sort(lambda);
        for (int k = 1; k <= n; k++) {
            assertEquals(2 - 2 * Math.cos(k * Math.PI / (n + 1)), lambda[k - 1], 1e-13);
        }
    }

    @Test
    void diagonalAndOrderOneInputsAreTheirOwnDecomposition() {
        check(new double[] {3}, new double[0]);
        check(new double[] {1, -2, 4}, new double[] {0, 0});
    }

    @Test
    void rejectsMismatchedLengthsAndNonFiniteInput() {
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricTridiagonalEigen.decompose(new double[3], new double[1], new double[9]));
        assertThrows(IllegalArgumentException.class, () -> SymmetricTridiagonalEigen.decompose(
                new double[] {1, Double.NaN}, new double[] {1}, new double[4]));
    }
}
