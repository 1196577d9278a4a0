package io.hfthot.quant.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * HRP's quasi-diagonal order (minimum spanning tree by Prim, merges by increasing edge length) against a second,
 * independent single-linkage clustering: the textbook agglomerative algorithm that merges the two closest
 * clusters and updates the distances by the Lance-Williams rule for single linkage,
 * {@code d(a+b, c) = min(d(a, c), d(b, c))}, from the correlation distances computed naively column by column.
 * With distinct distances (seeded continuous covariances) both give the same merges, hence, with the same
 * label-free child order, the same leaf order, exactly.
 */
class HrpClusteringProperties {

    @Property(tries = 40)
    void leafOrderMatchesAgglomerativeSingleLinkage(@ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int n) {
        PortfolioProblem p = RandomProblems.problem(seed, n).build();
        double[] s = p.sigmaFlat();
        assertArrayEquals(agglomerative(s, n), HrpOptimizer.quasiDiagonalOrder(s, n));
    }

    private static int[] agglomerative(double[] s, int n) {
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double corr = s[i * n + j] / Math.sqrt(s[i * n + i] * s[j * n + j]);
                d[i][j] = Math.sqrt(Math.max(0.0, 0.5 * (1 - corr)));
            }
        }
        double[][] dist = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int k = 0; k < n; k++) {
                    double diff = d[k][i] - d[k][j];
                    acc += diff * diff;
                }
                dist[i][j] = Math.sqrt(acc);
            }
        }
        List<List<Integer>> leaves = new ArrayList<>();
        double[] minVariance = new double[n];
        boolean[] alive = new boolean[n];
        for (int i = 0; i < n; i++) {
            leaves.add(new ArrayList<>(List.of(i)));
            minVariance[i] = s[i * n + i];
            alive[i] = true;
        }
        int root = 0;
        for (int merge = 0; merge < n - 1; merge++) {
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (alive[i] && alive[j] && (bi < 0 || dist[i][j] < dist[bi][bj])) {
                        bi = i;
                        bj = j;
                    }
                }
            }
            List<Integer> a = leaves.get(bi);
            List<Integer> b = leaves.get(bj);
            boolean aFirst = a.size() != b.size() ? a.size() < b.size() : minVariance[bi] <= minVariance[bj];
            List<Integer> merged = new ArrayList<>(aFirst ? a : b);
            merged.addAll(aFirst ? b : a);
            leaves.set(bi, merged);
            minVariance[bi] = Math.min(minVariance[bi], minVariance[bj]);
            alive[bj] = false;
            for (int c = 0; c < n; c++) {
                dist[bi][c] = Math.min(dist[bi][c], dist[bj][c]);
                dist[c][bi] = dist[bi][c];
            }
            root = bi;
        }
        return leaves.get(root).stream().mapToInt(Integer::intValue).toArray();
    }
}
