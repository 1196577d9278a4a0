package io.hfthot.quant.portfolio;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.SolverStatus;
import java.util.Arrays;

/**
 * {@code hrp}: hierarchical risk parity (Lopez de Prado, "Building diversified portfolios that outperform out of
 * sample", 2016). Long only, fully invested, no expected returns, no matrix inversion:
 * <ol>
 *   <li>correlation distances {@code d_ij = sqrt((1 - rho_ij) / 2)}, then the Euclidean distance between the
 *       columns of {@code d};</li>
 *   <li>single-linkage clustering (a minimum spanning tree by Prim, merged by increasing edge length);</li>
 *   <li>quasi-diagonal order: the leaves of the dendrogram, the two children of each merge in a
 *       label-free order (fewer assets first, then the lower smallest variance), so that permuting the assets
 *       permutes the weights;</li>
 *   <li>recursive bisection of that order into halves, splitting each cluster's weight in inverse proportion to
 *       the variance of its inverse-variance portfolio.</li>
 * </ol>
 * HRP is a construction, not an optimisation: the status is {@code CONVERGED} when it completes,
 * {@link PortfolioResult#objective()} is {@code (1/2) w'Sigma w} and the residual is the budget error.
 * Bounds are not accepted. Every weight is positive (every variance is), and they sum to 1.
 */
public final class HrpOptimizer implements PortfolioOptimizer {

    /** Creates the optimiser (stateless; {@link PortfolioOptimizers#byName(String)} shares one). */
    public HrpOptimizer() {
    }

    @Override
    public String name() {
        return PortfolioOptimizers.HRP;
    }

    @Override
    public PortfolioResult optimize(PortfolioProblem problem, PortfolioWorkspace ws) {
        Portfolios.rejectConstraints(problem, name());
        int n = problem.size();
        double[] s = problem.sigmaFlat();
        for (int i = 0; i < n; i++) {
            if (!(s[i * n + i] > 0)) {
                throw new InvalidParameterException("covariance",
                        "covariance[" + i + "][" + i + "] must be > 0 for method hrp, got "
                        + s[i * n + i]);
            }
        }
        int[] order = quasiDiagonalOrder(s, n);
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        bisect(s, n, order, 0, n, w);
        return Portfolios.result(name(), problem, ws, w, SolverStatus.CONVERGED, 1);
    }

    /** The leaves of the single-linkage dendrogram of the correlation-distance columns. */
    static int[] quasiDiagonalOrder(double[] s, int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double corr = s[i * n + j] / Math.sqrt(s[i * n + i] * s[j * n + j]);
                d[i * n + j] = Math.sqrt(Math.max(0.0, 0.5 * (1 - corr)));
            }
        }
        // e_ij = |d_.i - d_.j|, the O(n^3) step. For one i, all j > i at once: the loop over rows k is outside,
        // the loop over j inside reads rows k contiguously and has no reduction across j, so the JIT can
        // vectorise it (a dot product over k per pair is a scalar reduction reading columns with stride n).
        double[] e = new double[n * n];
        double[] acc = new double[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(acc, i + 1, n, 0.0);
            int k = 0;
            for (; k + 3 < n; k += 4) {
                // Four rows per pass: a quarter of the loads and stores of acc.
                int r0 = k * n;
                int r1 = r0 + n;
                int r2 = r1 + n;
                int r3 = r2 + n;
                double c0 = d[r0 + i];
                double c1 = d[r1 + i];
                double c2 = d[r2 + i];
                double c3 = d[r3 + i];
                for (int j = i + 1; j < n; j++) {
                    double x0 = c0 - d[r0 + j];
                    double x1 = c1 - d[r1 + j];
                    double x2 = c2 - d[r2 + j];
                    double x3 = c3 - d[r3 + j];
                    acc[j] += (x0 * x0 + x1 * x1) + (x2 * x2 + x3 * x3);
                }
            }
            for (; k < n; k++) {
                int row = k * n;
                double dki = d[row + i];
                for (int j = i + 1; j < n; j++) {
                    double diff = dki - d[row + j];
                    acc[j] += diff * diff;
                }
            }
            for (int j = i + 1; j < n; j++) {
                e[i * n + j] = Math.sqrt(acc[j]);
                e[j * n + i] = e[i * n + j];
            }
        }
        // Prim's minimum spanning tree: single linkage merges along its edges by increasing length.
        int[] from = new int[n - 1];
        int[] to = new int[n - 1];
        double[] len = new double[n - 1];
        boolean[] in = new boolean[n];
        double[] best = new double[n];
        int[] link = new int[n];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        int current = 0;
        in[0] = true;
        for (int edge = 0; edge < n - 1; edge++) {
            int next = -1;
            for (int j = 0; j < n; j++) {
                if (!in[j]) {
                    if (e[current * n + j] < best[j]) {
                        best[j] = e[current * n + j];
                        link[j] = current;
                    }
                    if (next < 0 || best[j] < best[next]) {
                        next = j;
                    }
                }
            }
            from[edge] = link[next];
            to[edge] = next;
            len[edge] = best[next];
            in[next] = true;
            current = next;
        }
        Integer[] byLength = new Integer[n - 1];
        for (int i = 0; i < n - 1; i++) {
            byLength[i] = i;
        }
        Arrays.sort(byLength, (a, b) -> Double.compare(len[a], len[b]));
        // Union-find over clusters; each cluster keeps its leaf list in dendrogram order.
        int[] parent = new int[n];
        int[][] leaves = new int[n][];
        double[] minVariance = new double[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            leaves[i] = new int[] {i};
            minVariance[i] = s[i * n + i];
        }
        int root = 0;
        for (int idx : byLength) {
            int a = find(parent, from[idx]);
            int b = find(parent, to[idx]);
            boolean aFirst = leaves[a].length != leaves[b].length ? leaves[a].length < leaves[b].length
                    : minVariance[a] <= minVariance[b];
            int first = aFirst ? a : b;
            int second = aFirst ? b : a;
            int[] merged = Arrays.copyOf(leaves[first], leaves[first].length + leaves[second].length);
            System.arraycopy(leaves[second], 0, merged, leaves[first].length, leaves[second].length);
            parent[second] = first;
            leaves[first] = merged;
            leaves[second] = null;
            minVariance[first] = Math.min(minVariance[first], minVariance[second]);
            root = first;
        }
        return leaves[root];
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Recursive bisection of {@code order[from, to)}: scales {@code w} in place. */
    private static void bisect(double[] s, int n, int[] order, int from, int to, double[] w) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        double left = clusterVariance(s, n, order, from, mid);
        double right = clusterVariance(s, n, order, mid, to);
        double alpha = 1 - left / (left + right);
        for (int i = from; i < mid; i++) {
            w[order[i]] *= alpha;
        }
        for (int i = mid; i < to; i++) {
            w[order[i]] *= 1 - alpha;
        }
        bisect(s, n, order, from, mid, w);
        bisect(s, n, order, mid, to, w);
    }

    /** Variance of the inverse-variance portfolio of {@code order[from, to)}. */
    private static double clusterVariance(double[] s, int n, int[] order, int from, int to) {
        double total = 0;
        for (int i = from; i < to; i++) {
            total += 1 / s[order[i] * n + order[i]];
        }
        double var = 0;
        for (int i = from; i < to; i++) {
            double wi = 1 / s[order[i] * n + order[i]] / total;
            for (int j = from; j < to; j++) {
                var += wi * s[order[i] * n + order[j]] / s[order[j] * n + order[j]] / total;
            }
        }
        return var;
    }
}
