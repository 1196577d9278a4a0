package io.hfthot.quant.portfolio;

/**
 * Small dense kernels on flat row-major arrays used by the optimisers.
 *
 * <p>Hand-written rather than taken from EJML because the active-set solvers need a Cholesky factor that
 * grows by one row and shrinks by one row and column in O(k^2) (EJML offers neither update), and because
 * the hot loops must not allocate.
 */
final class DenseKernels {
    private DenseKernels() {
    }

    /** {@code out = S * w} for a symmetric {@code n x n} flat matrix; {@code out} modified, others not. */
    static void multiply(double[] s, int n, double[] w, double[] out) {
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int a = 0; a < n; a++) {
            double wa = w[a];
            if (wa != 0.0) {
                axpy(wa, s, a * n, out, n);
            }
        }
    }

    /** {@code y[0..n) += alpha * x[off..off+n)}; {@code y} modified. */
    static void axpy(double alpha, double[] x, int off, double[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] += alpha * x[off + j];
        }
    }

    /** Dot product of the first {@code n} entries. */
    static double dot(double[] a, double[] b, int n) {
        return dot(a, 0, b, n);
    }

    /**
     * Dot product of {@code a[off..off+n)} and {@code b[0..n)} with four accumulators: the JIT does not
     * vectorise a floating-point reduction (it would reorder the sum), so independent chains hide the add
     * latency instead.
     */
    static double dot(double[] a, int off, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[off + i] * b[i];
            s1 += a[off + i + 1] * b[i + 1];
            s2 += a[off + i + 2] * b[i + 2];
            s3 += a[off + i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[off + i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Dot product of {@code a[offA..offA+n)} and {@code b[offB..offB+n)}, four accumulators as above. */
    static double dot(double[] a, int offA, double[] b, int offB, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[offA + i] * b[offB + i];
            s1 += a[offA + i + 1] * b[offB + i + 1];
            s2 += a[offA + i + 2] * b[offB + i + 2];
            s3 += a[offA + i + 3] * b[offB + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[offA + i] * b[offB + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Two dot products against the same vector, {@code out[0] = a[offA..offA+n) . b[offB..offB+n)} and
     * {@code out[1] = a[offA2..offA2+n) . b[offB..offB+n)}: each load of {@code b} serves both, and the eight
     * accumulators are independent chains (about 1.6 times the throughput of two {@link #dot} calls).
     */
    static void dotTwo(double[] a, int offA, int offA2, double[] b, int offB, int n, double[] out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double b0 = b[offB + i];
            double b1 = b[offB + i + 1];
            double b2 = b[offB + i + 2];
            double b3 = b[offB + i + 3];
            s0 += a[offA + i] * b0;
            s1 += a[offA + i + 1] * b1;
            s2 += a[offA + i + 2] * b2;
            s3 += a[offA + i + 3] * b3;
            t0 += a[offA2 + i] * b0;
            t1 += a[offA2 + i + 1] * b1;
            t2 += a[offA2 + i + 2] * b2;
            t3 += a[offA2 + i + 3] * b3;
        }
        for (; i < n; i++) {
            double bi = b[offB + i];
            s0 += a[offA + i] * bi;
            t0 += a[offA2 + i] * bi;
        }
        out[0] = (s0 + s1) + (s2 + s3);
        out[1] = (t0 + t1) + (t2 + t3);
    }

    /**
     * Four dot products against the same vector: {@code out[r] = a[off[r]..off[r]+n) . b[0..n)} for
     * {@code r < 4}, with offsets {@code offA, offA + ... } given separately. Each load of {@code b} serves four
     * rows; every row is summed in exactly the order of {@link #dot(double[], int, double[], int)} (four
     * accumulators by index mod 4, the tail into the first, combined as {@code (s0 + s1) + (s2 + s3)}), so the
     * values are bit-identical to four {@code dot} calls.
     */
    static void dotFour(double[] a, int o0, int o1, int o2, int o3, double[] b, int n, double[] out) {
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0;
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        double r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        double t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double b0 = b[i];
            double b1 = b[i + 1];
            double b2 = b[i + 2];
            double b3 = b[i + 3];
            p0 += a[o0 + i] * b0;
            p1 += a[o0 + i + 1] * b1;
            p2 += a[o0 + i + 2] * b2;
            p3 += a[o0 + i + 3] * b3;
            q0 += a[o1 + i] * b0;
            q1 += a[o1 + i + 1] * b1;
            q2 += a[o1 + i + 2] * b2;
            q3 += a[o1 + i + 3] * b3;
            r0 += a[o2 + i] * b0;
            r1 += a[o2 + i + 1] * b1;
            r2 += a[o2 + i + 2] * b2;
            r3 += a[o2 + i + 3] * b3;
            t0 += a[o3 + i] * b0;
            t1 += a[o3 + i + 1] * b1;
            t2 += a[o3 + i + 2] * b2;
            t3 += a[o3 + i + 3] * b3;
        }
        for (; i < n; i++) {
            double bi = b[i];
            p0 += a[o0 + i] * bi;
            q0 += a[o1 + i] * bi;
            r0 += a[o2 + i] * bi;
            t0 += a[o3 + i] * bi;
        }
        out[0] = (p0 + p1) + (p2 + p3);
        out[1] = (q0 + q1) + (q2 + q3);
        out[2] = (r0 + r1) + (r2 + r3);
        out[3] = (t0 + t1) + (t2 + t3);
    }

    /**
     * Appends a row to the lower Cholesky factor {@code L} (leading dimension {@code ld}, order {@code k}) of
     * a matrix bordered by column {@code col} (length {@code k}, overwritten by {@code L^-1 col}) and diagonal
     * {@code diag}. Returns false, leaving {@code L} unchanged, when the new pivot is not above
     * {@code relTol * diag} (the bordered matrix is numerically singular).
     */
    static boolean choleskyAppend(double[] l, int ld, int k, double[] col, double diag, double relTol) {
        forward(l, ld, k, col);
        double d = diag - dot(col, col, k);
        if (!(d > relTol * diag)) {
            return false;
        }
        int row = k * ld;
        System.arraycopy(col, 0, l, row, k);
        l[row + k] = Math.sqrt(d);
        return true;
    }

    /**
     * Removes row and column {@code j} from the matrix factored by {@code L} (order {@code k}), leaving the
     * factor of order {@code k - 1} in place: rows below {@code j} move up and the trailing block absorbs the
     * removed column by a rank-one Cholesky update. {@code scratch} (length {@code >= k}) is overwritten.
     */
    static void choleskyDelete(double[] l, int ld, int k, int j, double[] scratch) {
        int m = k - 1 - j;
        for (int r = j + 1; r < k; r++) {
            scratch[r - j - 1] = l[r * ld + j];
        }
        for (int r = j + 1; r < k; r++) {
            int src = r * ld;
            int dst = (r - 1) * ld;
            System.arraycopy(l, src, l, dst, j);
            System.arraycopy(l, src + j + 1, l, dst + j, r - j);
        }
        // Rank-one update of the trailing m x m block starting at (j, j): L22 L22' + v v'.
        for (int c = 0; c < m; c++) {
            int cc = (j + c) * ld + (j + c);
            double lcc = l[cc];
            double vc = scratch[c];
            double r = Math.hypot(lcc, vc);
            double cos = r / lcc;
            double sin = vc / lcc;
            l[cc] = r;
            for (int i = c + 1; i < m; i++) {
                int ic = (j + i) * ld + (j + c);
                double lic = (l[ic] + sin * scratch[i]) / cos;
                l[ic] = lic;
                scratch[i] = cos * scratch[i] - sin * lic;
            }
        }
    }

    /** Solves {@code L y = b} in place ({@code b} overwritten by {@code y}). */
    static void forward(double[] l, int ld, int k, double[] b) {
        for (int i = 0; i < k; i++) {
            int row = i * ld;
            b[i] = (b[i] - dot(l, row, b, i)) / l[row + i];
        }
    }

    /**
     * Solves {@code L y = b} in place for a full factor of order {@code n} whose right-hand side is zero above
     * row {@code from} (so is {@code y}; entries there are set to 0). Rows go in pairs as in {@link #dotTwo}:
     * both dot products over the solved entries share their loads, and the second row's last term is added
     * once the first row is solved. {@code pair} (length 2) is scratch.
     */
    static void forwardFrom(double[] l, int n, int from, double[] b, double[] pair) {
        java.util.Arrays.fill(b, 0, from, 0.0);
        int i = from;
        for (; i + 1 < n; i += 2) {
            int row = i * n;
            int next = row + n;
            dotTwo(l, row + from, next + from, b, from, i - from, pair);
            double yi = (b[i] - pair[0]) / l[row + i];
            b[i] = yi;
            b[i + 1] = (b[i + 1] - pair[1] - l[next + i] * yi) / l[next + i + 1];
        }
        if (i < n) {
            int row = i * n;
            b[i] = (b[i] - dot(l, row + from, b, from, i - from)) / l[row + i];
        }
    }

    /**
     * Solves {@code L' x = b} in place for a full factor of order {@code n} that also holds {@code L'} in its
     * upper triangle ({@code l[i][j] = L[j][i]} for {@code j > i}), so that the backward sweep is made of
     * dot products along rows, in pairs as in {@link #forwardFrom}. {@code pair} (length 2) is scratch.
     */
    static void backwardMirrored(double[] l, int n, double[] b, double[] pair) {
        int i = n - 1;
        for (; i >= 1; i -= 2) {
            int row = i * n;
            int prev = row - n;
            dotTwo(l, row + i + 1, prev + i + 1, b, i + 1, n - i - 1, pair);
            double xi = (b[i] - pair[0]) / l[row + i];
            b[i] = xi;
            b[i - 1] = (b[i - 1] - pair[1] - l[prev + i] * xi) / l[prev + i - 1];
        }
        if (i == 0) {
            b[0] = (b[0] - dot(l, 1, b, 1, n - 1)) / l[0];
        }
    }

    /**
     * Solves {@code L L' x = b} for two right-hand sides in place, reading {@code L} once per sweep instead of
     * twice (the factor, not the vectors, is what moves through the cache).
     */
    static void solveTwo(double[] l, int ld, int k, double[] b1, double[] b2) {
        for (int i = 0; i < k; i++) {
            int row = i * ld;
            double s1a = 0;
            double s1b = 0;
            double s2a = 0;
            double s2b = 0;
            int c = 0;
            for (; c + 1 < i; c += 2) {
                double l0 = l[row + c];
                double l1 = l[row + c + 1];
                s1a += l0 * b1[c];
                s1b += l1 * b1[c + 1];
                s2a += l0 * b2[c];
                s2b += l1 * b2[c + 1];
            }
            for (; c < i; c++) {
                s1a += l[row + c] * b1[c];
                s2a += l[row + c] * b2[c];
            }
            double d = l[row + i];
            b1[i] = (b1[i] - (s1a + s1b)) / d;
            b2[i] = (b2[i] - (s2a + s2b)) / d;
        }
        for (int i = k - 1; i >= 0; i--) {
            int row = i * ld;
            double d = l[row + i];
            double x1 = b1[i] / d;
            double x2 = b2[i] / d;
            b1[i] = x1;
            b2[i] = x2;
            for (int c = 0; c < i; c++) {
                double lc = l[row + c];
                b1[c] -= lc * x1;
                b2[c] -= lc * x2;
            }
        }
    }

    /**
     * Checks that a symmetric matrix is positive semidefinite by Cholesky with diagonal pivoting on a copy.
     *
     * @param s   the {@code n x n} flat matrix (not modified)
     * @param n   the order
     * @param tol absolute tolerance on pivots and on the remaining Schur complement
     * @return the numerical rank, and where the check failed if the matrix is indefinite beyond {@code tol}
     */
    static PsdReport psdCheck(double[] s, int n, double tol) {
        double[] a = s.clone();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double[] col = new double[n];
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (a[i * n + i] > a[p * n + p]) {
                    p = i;
                }
            }
            if (a[p * n + p] <= tol) {
                // The trailing Schur complement must vanish: a PSD matrix with diagonal <= tol has
                // |a_ij| <= tol off the diagonal; anything else has a negative eigenvalue.
                for (int i = k; i < n; i++) {
                    if (a[i * n + i] < -tol) {
                        return new PsdReport(k, perm[i], a[i * n + i], null, null);
                    }
                    for (int j = k; j < i; j++) {
                        if (Math.abs(a[i * n + j]) > tol) {
                            return new PsdReport(k, perm[i], -Math.abs(a[i * n + j]), null, null);
                        }
                    }
                }
                return new PsdReport(k, -1, 0.0, null, null);
            }
            if (p != k) {
                swapSymmetricLower(a, n, k, p);
                int t = perm[k];
                perm[k] = perm[p];
                perm[p] = t;
            }
            double lkk = Math.sqrt(a[k * n + k]);
            a[k * n + k] = lkk;
            for (int i = k + 1; i < n; i++) {
                col[i] = a[i * n + k] / lkk;
                a[i * n + k] = col[i];
            }
            for (int i = k + 1; i < n; i++) {
                double lik = col[i];
                if (lik != 0.0) {
                    int row = i * n;
                    for (int j = k + 1; j <= i; j++) {
                        a[row + j] -= lik * col[j];
                    }
                }
            }
        }
        // Mirror L into the upper triangle: the backward sweep of a solve then reads L' by rows.
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                a[i * n + j] = a[j * n + i];
            }
        }
        return new PsdReport(n, -1, 0.0, a, perm);
    }

    /**
     * Symmetric row/column swap of {@code k < p} in the lower triangle: the trailing block (rows and columns
     * {@code >= k}) and the already computed factor columns {@code < k} of rows k and p.
     */
    private static void swapSymmetricLower(double[] a, int n, int k, int p) {
        for (int c = 0; c < k; c++) {
            double t = a[k * n + c];
            a[k * n + c] = a[p * n + c];
            a[p * n + c] = t;
        }
        double t = a[k * n + k];
        a[k * n + k] = a[p * n + p];
        a[p * n + p] = t;
        for (int j = k + 1; j < p; j++) {
            t = a[j * n + k];
            a[j * n + k] = a[p * n + j];
            a[p * n + j] = t;
        }
        for (int i = p + 1; i < n; i++) {
            t = a[i * n + k];
            a[i * n + k] = a[i * n + p];
            a[i * n + p] = t;
        }
    }

    /**
     * Outcome of {@link #psdCheck}.
     *
     * @param rank        numerical rank
     * @param badIndex    original index of the asset where indefiniteness showed, or -1 if PSD
     * @param badPivot    the offending pivot (negative) or off-diagonal magnitude (negated), 0 if PSD
     * @param factor      when of full rank, the lower factor L (flat) with
     *                    {@code S[perm[i]][perm[j]] = (L L')[i][j]}, its upper triangle holding {@code L'}
     *                    (see {@link #backwardMirrored}); otherwise null
     * @param perm        the pivot order when of full rank, otherwise null
     */
    record PsdReport(int rank, int badIndex, double badPivot, double[] factor, int[] perm) {
        boolean psd() {
            return badIndex < 0;
        }
    }
}
