package io.hfthot.quant.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseL1OptimizerTest extends PortfolioOptimizerContract {
    private final SparseL1Optimizer sparse = new SparseL1Optimizer();
    private final CaraOptimizer cara = new CaraOptimizer();

    @Override
    PortfolioOptimizer optimizer() {
        return sparse;
    }

    @Test
    void satisfiesSubgradientConditionsOnRandomProblems() {
        Random rnd = new Random(41);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + rnd.nextInt(120);
            double rho = rnd.nextDouble() * 0.1;
            PortfolioProblem p = RandomProblems.problem(rnd.nextLong(), n).rho(rho).gamma(1 + 3 * rnd.nextDouble())
                    .build();
            PortfolioResult r = sparse.optimize(p);
            assertEquals(SolverStatus.CONVERGED, r.status());
            double kkt = Kkt.sparseL1(p.covariance(), p.expectedReturns(), p.gamma(), rho, r.weights());
            assertTrue(kkt <= 1e-10, "independent KKT residual " + kkt);
            assertTrue(r.kktResidual() <= 1e-10, "reported " + r.kktResidual());
            int nz = 0;
            for (double w : r.weights()) {
                nz += w != 0 ? 1 : 0;
            }
            assertEquals(nz, r.nonZeroCount());
        }
    }

    @Test
    void warmAndColdStartsReachTheSameSolution() {
        SparseL1Optimizer cold = new SparseL1Optimizer(false);
        Random rnd = new Random(45);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + rnd.nextInt(100);
            PortfolioProblem p = RandomProblems.problem(rnd.nextLong(), n).rho(0.1 * rnd.nextDouble()).build();
            PortfolioResult a = sparse.optimize(p);
            PortfolioResult b = cold.optimize(p);
            assertEquals(SolverStatus.CONVERGED, b.status());
            assertEquals(a.nonZeroCount(), b.nonZeroCount());
            for (int i = 0; i < n; i++) {
                assertEquals(b.weights()[i], a.weights()[i], 1e-10);
            }
        }
    }

    @Test
    void zeroPenaltyIsTheBudgetOnlyMarkowitzPortfolio() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 5; trial++) {
            int n = 2 + rnd.nextInt(50);
            PortfolioProblem.Builder b = RandomProblems.problem(rnd.nextLong(), n);
            PortfolioResult s = sparse.optimize(b.rho(0).build());
            PortfolioResult c = cara.optimize(b.bounds(Kkt.infinite(n, Double.NEGATIVE_INFINITY), null).build());
            for (int i = 0; i < n; i++) {
                assertEquals(c.weights()[i], s.weights()[i], 1e-10);
            }
        }
    }

    /** With a penalty far above the gradient scale no short pays, and the problem is the long-only cara one. */
    @Test
    void largePenaltyGivesTheLongOnlyPortfolio() {
        Random rnd = new Random(43);
        for (int trial = 0; trial < 5; trial++) {
            int n = 2 + rnd.nextInt(50);
            PortfolioProblem.Builder b = RandomProblems.problem(rnd.nextLong(), n);
            PortfolioResult c = cara.optimize(b.build());
            PortfolioResult s = sparse.optimize(b.rho(100).build());
            for (int i = 0; i < n; i++) {
                assertEquals(c.weights()[i], s.weights()[i], 1e-10);
            }
        }
    }

    @Test
    void agreesWithOjAlgoOnTheSplitQp() {
        Random rnd = new Random(44);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + rnd.nextInt(12);
            double rho = 0.01 + 0.05 * rnd.nextDouble();
            PortfolioProblem p = RandomProblems.problem(rnd.nextLong(), n).rho(rho).build();
            PortfolioResult r = sparse.optimize(p);
            double[] ref = OjAlgoReference.sparseL1(p.covariance(), p.expectedReturns(), p.gamma(), rho);
            for (int i = 0; i < n; i++) {
                assertEquals(ref[i], r.weights()[i], 1e-6, "trial " + trial + " asset " + i);
            }
        }
    }

    /** Two perfectly correlated assets with different means are a riskless arbitrage when shorts are allowed. */
    @Test
    void singularCovarianceWithArbitrageIsIllConditionedAndRidgeFixesIt() {
        double[][] s = {{0.04, 0.04, 0.0}, {0.04, 0.04, 0.0}, {0.0, 0.0, 0.09}};
        PortfolioProblem.Builder b = PortfolioProblem.builder(List.of("A", "A_CLONE", "B")).covariance(s)
                .expectedReturns(new double[] {0.20, 0.05, 0.06}).rho(0.01);
        PortfolioResult r = sparse.optimize(b.build());
        assertEquals(SolverStatus.ILL_CONDITIONED, r.status());
        assertEquals(1.0, r.weights()[0] + r.weights()[1] + r.weights()[2], 1e-12);
        PortfolioResult ridged = sparse.optimize(b.ridge(1e-4).build());
        assertEquals(SolverStatus.CONVERGED, ridged.status());
    }

    @Test
    void rejectsBoundsAndMissingExpectedReturns() {
        assertThrows(IllegalArgumentException.class,
                () -> sparse.optimize(RandomProblems.problem(1, 3).bounds(new double[3], null).build()));
        PortfolioProblem noMu = PortfolioProblem.builder(List.of("A", "B"))
                .covariance(new double[][] {{1, 0}, {0, 1}}).build();
        assertThrows(IllegalArgumentException.class, () -> sparse.optimize(noMu));
    }

    /** On larger problems the capacitance active set agrees with the generic sign-split active set. */
    @Test
    void agreesWithTheGenericActiveSetOnLargeProblems() {
        SparseL1Optimizer cold = new SparseL1Optimizer(false);
        Random rnd = new Random(46);
        for (int trial = 0; trial < 6; trial++) {
            int n = 150 + rnd.nextInt(100);
            double rho = new double[] {0.02, 0.05, 0.15}[trial % 3];
            PortfolioProblem p = RandomProblems.problem(rnd.nextLong(), n).gamma(1 + 3 * rnd.nextDouble()).rho(rho)
                    .build();
            PortfolioResult r = sparse.optimize(p);
            PortfolioResult reference = cold.optimize(p);
            assertEquals(SolverStatus.CONVERGED, r.status());
            assertEquals(SolverStatus.CONVERGED, reference.status());
            assertEquals(reference.nonZeroCount(), r.nonZeroCount(), "trial " + trial);
            for (int i = 0; i < n; i++) {
                assertEquals(reference.weights()[i], r.weights()[i], 1e-10, "trial " + trial + " asset " + i);
            }
            assertTrue(Kkt.sparseL1(p.covariance(), p.expectedReturns(), p.gamma(), rho, r.weights()) <= 1e-10);
        }
    }

    /**
     * On leveraged problems (strong factors, small idiosyncratic risk: the {@code rho = 0} portfolio holds
     * large hedged positions) some assets end on the other side of zero than in the {@code rho = 0} start. The
     * side of a free asset only changes when it is removed and re-enters, so these trials exercise re-entry
     * with a side change; the solutions agree with the generic active set and satisfy the subgradient
     * conditions.
     */
    @Test
    void sideChangesThroughReentryAgreeWithTheGenericActiveSet() {
        SparseL1Optimizer cold = new SparseL1Optimizer(false);
        Random rnd = new Random(48);
        int sideChanges = 0;
        for (int trial = 0; trial < 200; trial++) {
            int n = 3 + rnd.nextInt(trial < 180 ? 3 : 60);
            double rho = Math.pow(10, -2 + 2 * rnd.nextDouble());
            PortfolioProblem.Builder b = RandomProblems.leveraged(rnd, n);
            PortfolioProblem p = b.rho(rho).build();
            PortfolioResult r = sparse.optimize(p);
            PortfolioResult reference = cold.optimize(p);
            assertEquals(SolverStatus.CONVERGED, r.status());
            for (int i = 0; i < n; i++) {
                assertEquals(reference.weights()[i], r.weights()[i], 1e-10 * (1 + Math.abs(reference.weights()[i])),
                        "trial " + trial + " asset " + i);
            }
            assertTrue(Kkt.sparseL1(p.covariance(), p.expectedReturns(), p.gamma(), rho, r.weights()) <= 1e-10);
            double[] start = sparse.optimize(b.rho(0).build()).weights();
            for (int i = 0; i < n; i++) {
                if (start[i] * r.weights()[i] < 0) {
                    sideChanges++;
                }
            }
        }
        assertTrue(sideChanges > 0, "no trial changed the side of an asset");
    }

    /**
     * The work follows the size of the answer. An iteration changes the support by at most one asset: from the
     * empty side (answers of at most half the assets) the iterations cannot be fewer than the positions; from the
     * dense side (the {@code rho = 0} portfolio has no zero weight on these problems) not fewer than the zero
     * weights plus the final step.
     */
    @Test
    void iterationsFollowTheSizeOfTheAnswerFromTheCloserSide() {
        Random rnd = new Random(47);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rnd.nextInt(200);
            PortfolioProblem p = RandomProblems.problem(rnd.nextLong(), n).rho(0.2 * rnd.nextDouble()).build();
            PortfolioResult r = sparse.optimize(p);
            assertEquals(SolverStatus.CONVERGED, r.status());
            int k = r.nonZeroCount();
            boolean grown = r.iterations() >= k && r.iterations() <= 3 * k + 2;
            boolean shrunk = r.iterations() >= n - k + 1;
            assertTrue(grown || shrunk, "iterations " + r.iterations() + " for " + k + " positions of " + n);
            if (k <= n / 8 && n >= 40) {
                assertTrue(r.iterations() <= 3 * k + 2, "a sparse answer is grown: " + r.iterations()
                        + " iterations for " + k + " positions of " + n);
            }
        }
    }
}
