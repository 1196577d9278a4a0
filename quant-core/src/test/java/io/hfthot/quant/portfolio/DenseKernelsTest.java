package io.hfthot.quant.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The paired kernels against plain loops (the four-row kernel against {@code dot}, exactly), and the solves with the mirrored factor against the matrix. */
class DenseKernelsTest {

    @Test
    void dotTwoEqualsTwoPlainDotProducts() {
        Random rnd = new Random(51);
        for (int trial = 0; trial < 50; trial++) {
            int n = rnd.nextInt(23);
            double[] a = new double[3 * n + 7];
            double[] b = new double[n + 5];
            for (int i = 0; i < a.length; i++) {
                a[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextGaussian();
            }
            int offA = rnd.nextInt(n + 1);
            int offA2 = n + rnd.nextInt(n + 7);
            int offB = rnd.nextInt(5);
            double[] out = new double[2];
            DenseKernels.dotTwo(a, offA, offA2, b, offB, n, out);
            double s = 0;
            double t = 0;
            for (int i = 0; i < n; i++) {
                s += a[offA + i] * b[offB + i];
                t += a[offA2 + i] * b[offB + i];
            }
            assertEquals(s, out[0], 1e-13 * (1 + Math.abs(s)));
            assertEquals(t, out[1], 1e-13 * (1 + Math.abs(t)));
        }
    }

    @Test
    void dotFourIsBitIdenticalToFourDotCalls() {
        Random rnd = new Random(53);
        for (int trial = 0; trial < 50; trial++) {
            int n = rnd.nextInt(23);
            double[] a = new double[4 * n + 9];
            double[] b = new double[n];
            for (int i = 0; i < a.length; i++) {
                a[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                b[i] = rnd.nextGaussian();
            }
            int[] off = {rnd.nextInt(3), n + 3 + rnd.nextInt(3), 2 * n + 6, 3 * n + 6 + rnd.nextInt(4)};
            double[] out = new double[4];
            DenseKernels.dotFour(a, off[0], off[1], off[2], off[3], b, n, out);
            for (int r = 0; r < 4; r++) {
                // The growth path's entering asset must not depend on how many rows a pass reads: exact.
                assertEquals(DenseKernels.dot(a, off[r], b, n), out[r], 0.0, "row " + r);
            }
        }
    }

    @Test
    void psdFactorHoldsItsTransposeAboveTheDiagonal() {
        int n = 9;
        double[] s = flat(RandomProblems.covariance(new Random(52), n, 3));
        DenseKernels.PsdReport psd = DenseKernels.psdCheck(s, n, 1e-14);
        double[] l = psd.factor();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double lower = 0;
                for (int k = 0; k <= Math.min(i, j); k++) {
                    lower += l[i * n + k] * l[j * n + k];
                }
                assertEquals(s[psd.perm()[i] * n + psd.perm()[j]], lower, 1e-15);
                if (j > i) {
                    assertEquals(l[j * n + i], l[i * n + j], 0.0);
                }
            }
        }
    }

    /** Forward from any row (zero right-hand side above it) then backward solves {@code L L' x = b}. */
    @Test
    void mirroredSolvesInvertTheFactoredMatrix() {
        Random rnd = new Random(53);
        for (int n : new int[] {1, 2, 3, 8, 31, 64}) {
            double[] s = flat(RandomProblems.covariance(rnd, n, Math.min(3, n)));
            DenseKernels.PsdReport psd = DenseKernels.psdCheck(s, n, 1e-14);
            int[] perm = psd.perm();
            for (int from = 0; from < n; from++) {
                double[] x = new double[n];
                double[] rhs = new double[n];
                for (int i = from; i < n; i++) {
                    x[i] = rnd.nextGaussian();
                    rhs[i] = x[i];
                }
                double[] pair = new double[2];
                DenseKernels.forwardFrom(psd.factor(), n, from, x, pair);
                DenseKernels.backwardMirrored(psd.factor(), n, x, pair);
                // (L L') x = rhs, with L L' = S permuted.
                for (int i = 0; i < n; i++) {
                    double v = 0;
                    for (int j = 0; j < n; j++) {
                        v += s[perm[i] * n + perm[j]] * x[j];
                    }
                    assertEquals(rhs[i], v, 1e-11, "n=" + n + " from=" + from + " row " + i);
                }
            }
        }
    }

    private static double[] flat(double[][] m) {
        int n = m.length;
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, f, i * n, n);
        }
        return f;
    }
}
