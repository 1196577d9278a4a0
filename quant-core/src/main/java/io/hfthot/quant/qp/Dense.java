package io.hfthot.quant.qp;

/**
 * Dense row-major kernels of the QP solver. Matrices are flat arrays with leading dimension {@code ld}; the
 * arguments said to be modified are the only ones written.
 */
final class Dense {
    private Dense() {
    }

    /** {@code out = M x} for the {@code rows x cols} matrix {@code m} (out modified). */
    static void multiply(double[] m, int rows, int cols, double[] x, double[] out) {
        for (int i = 0; i < rows; i++) {
            double s = 0;
            int off = i * cols;
            for (int j = 0; j < cols; j++) {
                s += m[off + j] * x[j];
            }
            out[i] = s;
        }
    }

    /** {@code out = M' y} for the {@code rows x cols} matrix {@code m} (out modified). */
    static void multiplyTransposed(double[] m, int rows, int cols, double[] y, double[] out) {
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int i = 0; i < rows; i++) {
            double yi = y[i];
            if (yi != 0.0) {
                int off = i * cols;
                for (int j = 0; j < cols; j++) {
                    out[j] += yi * m[off + j];
                }
            }
        }
    }

    /**
     * In-place Cholesky factorisation {@code A = L L'} of the symmetric {@code n x n} matrix {@code a} (lower
     * triangle read, L written there; modified).
     *
     * @return false when a pivot is not positive (the matrix is not positive definite)
     */
    static boolean cholesky(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double d = a[rj + j];
            for (int k = 0; k < j; k++) {
                d -= a[rj + k] * a[rj + k];
            }
            if (!(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[rj + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= a[ri + k] * a[rj + k];
                }
                a[ri + j] = s / ljj;
            }
        }
        return true;
    }

    /** Solves {@code L L' x = b} in place ({@code b} modified) with the factor from {@link #cholesky}. */
    static void choleskySolve(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[ri + k] * b[k];
            }
            b[i] = s / l[ri + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }

    /**
     * In-place {@code L D L'} factorisation without pivoting of a symmetric quasi-definite matrix (positive
     * definite leading block, negative definite trailing block), which always exists (Vanderbei 1995). The
     * strict lower triangle receives L (unit diagonal implied), the diagonal receives D (modified).
     *
     * @return false when a pivot vanishes (the matrix was not quasi-definite in floating point)
     */
    static boolean ldl(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double d = a[rj + j];
            for (int k = 0; k < j; k++) {
                d -= a[rj + k] * a[rj + k] * a[k * n + k];
            }
            if (d == 0.0 || !Double.isFinite(d)) {
                return false;
            }
            a[rj + j] = d;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= a[ri + k] * a[rj + k] * a[k * n + k];
                }
                a[ri + j] = s / d;
            }
        }
        return true;
    }

    /** Solves {@code L D L' x = b} in place ({@code b} modified) with the factor from {@link #ldl}. */
    static void ldlSolve(double[] f, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= f[ri + k] * b[k];
            }
            b[i] = s;
        }
        for (int i = 0; i < n; i++) {
            b[i] /= f[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= f[k * n + i] * b[k];
            }
            b[i] = s;
        }
    }

    /** The largest absolute entry of the first {@code n} values. */
    static double maxAbs(double[] v, int n) {
        double m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        return m;
    }
}
