package io.hfthot.quant.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * min_variance, max_sharpe, the efficient frontier and HRP against closed forms solved independently (commons-math3
 * LU on the covariance or on the bordered KKT system) and HRP's invariants. Tolerance: 1e-8 relative to the
 * largest weight (the closed forms go through {@code Sigma^-1}; the factor path and LU round differently).
 */
class NewPortfolioMethodsProperties {
    private static final double TOLERANCE = 1e-8;

    @Property(tries = 40)
    void minVarianceWithOnlyTheBudgetIsTheClosedForm(@ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n) {
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        PortfolioProblem p = RandomProblems.problem(seed, n).bounds(lower, upper).build();
        PortfolioResult r = PortfolioOptimizers.byName("min_variance").optimize(p);
        assertEquals(SolverStatus.CONVERGED, r.status());
        double[] expected = normalised(solve(p.covariance(), ones(n)));
        assertClose(expected, r.weights());
        assertTrue(r.kktResidual() <= 1e-10, "kkt " + r.kktResidual());
        assertEquals(0.5 * r.portfolioVariance(), r.objective(), 1e-14);
    }

    @Property(tries = 20)
    void longOnlyMinVarianceHasNoNegativeWeightAndNoLowerVarianceThanTheBudgetOnlyOne(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 60) int n) {
        PortfolioProblem p = RandomProblems.problem(seed, n).build();
        PortfolioResult r = PortfolioOptimizers.byName("min_variance").optimize(p);
        assertEquals(SolverStatus.CONVERGED, r.status());
        for (double w : r.weights()) {
            assertTrue(w >= 0);
        }
        double[] free = normalised(solve(p.covariance(), ones(n)));
        assertTrue(r.portfolioVariance() >= variance(p.covariance(), free) * (1 - 1e-12));
        assertTrue(Kkt.cara(p.covariance(), new double[n], 1.0, new double[n],
                Kkt.infinite(n, Double.POSITIVE_INFINITY), r.weights()) <= 1e-10);
    }

    @Property(tries = 40)
    void maxSharpeIsTheTangencyPortfolio(@ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n) {
        PortfolioProblem p = RandomProblems.problem(seed, n).build();
        double[] direction = solve(p.covariance(), p.expectedReturns());
        Assume.that(Arrays.stream(direction).sum() > 0);
        PortfolioResult r = PortfolioOptimizers.byName("max_sharpe").optimize(p);
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertClose(normalised(direction), r.weights());
        double sharpe = sharpe(p, r.weights());
        assertEquals(-sharpe, r.objective(), 1e-12 * Math.abs(sharpe));
        assertTrue(r.kktResidual() <= 1e-10, "kkt " + r.kktResidual());
        // No nearby budget portfolio has a higher Sharpe ratio.
        Random rnd = new Random(seed);
        for (int trial = 0; trial < 20; trial++) {
            double[] w = r.weights();
            int i = rnd.nextInt(n);
            int j = rnd.nextInt(n);
            w[i] += 1e-3;
            w[j] -= 1e-3;
            assertTrue(sharpe(p, w) <= sharpe + 1e-12);
        }
    }

    @Property(tries = 30)
    void everyFrontierPointIsOptimalForItsTarget(@ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int n,
            @ForAll @IntRange(min = 2, max = 12) int points) {
        PortfolioProblem p = RandomProblems.problem(seed, n).build();
        List<PortfolioResult> frontier = EfficientFrontier.compute(p, points);
        assertEquals(points, frontier.size());
        double previousVariance = 0;
        for (PortfolioResult r : frontier) {
            assertEquals(SolverStatus.CONVERGED, r.status());
            double target = dot(p.expectedReturns(), r.weights());
            assertClose(borderedKkt(p, target), r.weights());
            assertTrue(r.kktResidual() <= 1e-10, "kkt " + r.kktResidual());
            assertTrue(r.portfolioVariance() >= previousVariance * (1 - 1e-12), "variance rises along the frontier");
            previousVariance = r.portfolioVariance();
        }
    }

    @Property(tries = 40)
    void hrpWeightsArePositiveSumToOneAndFollowAPermutation(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 80) int n) {
        PortfolioProblem p = RandomProblems.problem(seed, n).build();
        PortfolioResult r = PortfolioOptimizers.byName("hrp").optimize(p);
        assertEquals(SolverStatus.CONVERGED, r.status());
        double sum = 0;
        for (double w : r.weights()) {
            assertTrue(w > 0);
            sum += w;
        }
        assertEquals(1.0, sum, 1e-10);
        int[] perm = RandomProblems.permutation(new Random(seed), n);
        PortfolioResult permuted = PortfolioOptimizers.byName("hrp").optimize(RandomProblems.permuted(p, perm).build());
        for (int i = 0; i < n; i++) {
            assertEquals(r.weights()[perm[i]], permuted.weights()[i], 1e-12, "asset " + perm[i]);
        }
    }

    /** The minimum-variance portfolio for {@code mu'w = target} from the bordered system, by LU. */
    private static double[] borderedKkt(PortfolioProblem p, double target) {
        int n = p.size();
        double[][] k = new double[n + 2][n + 2];
        double[][] s = p.covariance();
        double[] mu = p.expectedReturns();
        for (int i = 0; i < n; i++) {
            System.arraycopy(s[i], 0, k[i], 0, n);
            k[i][n] = 1;
            k[n][i] = 1;
            k[i][n + 1] = mu[i];
            k[n + 1][i] = mu[i];
        }
        double[] rhs = new double[n + 2];
        rhs[n] = 1;
        rhs[n + 1] = target;
        double[] x = new LUDecomposition(new Array2DRowRealMatrix(k)).getSolver()
                .solve(new ArrayRealVector(rhs)).toArray();
        return Arrays.copyOf(x, n);
    }

    private static double[] solve(double[][] sigma, double[] b) {
        RealMatrix m = new Array2DRowRealMatrix(sigma);
        return new LUDecomposition(m).getSolver().solve(new ArrayRealVector(b)).toArray();
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        Arrays.fill(o, 1.0);
        return o;
    }

    private static double[] normalised(double[] v) {
        double s = Arrays.stream(v).sum();
        return Arrays.stream(v).map(x -> x / s).toArray();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double variance(double[][] s, double[] w) {
        double v = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                v += w[i] * s[i][j] * w[j];
            }
        }
        return v;
    }

    private static double sharpe(PortfolioProblem p, double[] w) {
        return dot(p.expectedReturns(), w) / Math.sqrt(variance(p.covariance(), w));
    }

    private static void assertClose(double[] expected, double[] actual) {
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * scale, "weight " + i);
        }
    }
}
