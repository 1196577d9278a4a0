package io.hfthot.quant.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Mathematical invariants of the optimisers on seeded, well-conditioned random problems.
 */
class PortfolioOptimizerProperties {
    private final CaraOptimizer cara = new CaraOptimizer();
    private final RiskParityOptimizer rp = new RiskParityOptimizer();
    private final SparseL1Optimizer sparse = new SparseL1Optimizer();

    @Property(tries = 40)
    void caraSatisfiesKkt(@ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int n,
            @ForAll @DoubleRange(min = 0.2, max = 20) double gamma) {
        PortfolioProblem p = RandomProblems.problem(seed, n).gamma(gamma).build();
        PortfolioResult r = cara.optimize(p);
        assertEquals(SolverStatus.CONVERGED, r.status());
        double[] lo = new double[n];
        assertTrue(Kkt.cara(p.covariance(), p.expectedReturns(), gamma, lo,
                Kkt.infinite(n, Double.POSITIVE_INFINITY), r.weights()) <= 1e-10);
        for (double w : r.weights()) {
            assertTrue(w >= 0);
        }
    }

    @Property(tries = 40)
    void ercHasEqualRiskContributions(@ForAll long seed, @ForAll @IntRange(min = 2, max = 120) int n) {
        PortfolioResult r = rp.optimize(RandomProblems.problem(seed, n).build());
        assertEquals(SolverStatus.CONVERGED, r.status());
        double[] rc = r.riskContributions();
        double mean = r.portfolioVariance() / n;
        for (double c : rc) {
            assertEquals(mean, c, 1e-10 * mean);
        }
    }

    @Property(tries = 30)
    void ercIsInvariantToScalingSigma(@ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n,
            @ForAll @DoubleRange(min = 1e-4, max = 1e4) @net.jqwik.api.constraints.Scale(6) double c) {
        PortfolioProblem p = RandomProblems.problem(seed, n).build();
        double[][] s = p.covariance();
        for (double[] row : s) {
            for (int j = 0; j < n; j++) {
                row[j] *= c;
            }
        }
        double[] a = rp.optimize(p).weights();
        double[] b = rp.optimize(PortfolioProblem.builder(p.symbols()).covariance(s).build()).weights();
        for (int i = 0; i < n; i++) {
            assertEquals(a[i], b[i], 1e-11);
        }
    }

    @Property(tries = 40)
    void sparseL1SatisfiesSubgradientConditions(@ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n,
            @ForAll @DoubleRange(min = 0, max = 0.2) double rho) {
        PortfolioProblem p = RandomProblems.problem(seed, n).rho(rho).build();
        PortfolioResult r = sparse.optimize(p);
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertTrue(Kkt.sparseL1(p.covariance(), p.expectedReturns(), p.gamma(), rho, r.weights()) <= 1e-10);
    }

    /** A larger penalty never increases gross exposure sum |w_i| (compare the two optimality inequalities). */
    @Property(tries = 30)
    void grossExposureIsNonIncreasingInRho(@ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int n,
            @ForAll @DoubleRange(min = 0, max = 0.1) double rho1, @ForAll @DoubleRange(min = 0, max = 0.1) double d) {
        PortfolioProblem.Builder b = RandomProblems.problem(seed, n);
        double g1 = gross(sparse.optimize(b.rho(rho1).build()).weights());
        double g2 = gross(sparse.optimize(b.rho(rho1 + d).build()).weights());
        assertTrue(g2 <= g1 + 1e-9, g2 + " > " + g1);
    }

    private static double gross(double[] w) {
        double s = 0;
        for (double v : w) {
            s += Math.abs(v);
        }
        return s;
    }
}
