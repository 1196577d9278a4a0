package io.hfthot.quant.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import io.hfthot.quant.Tolerances;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class CaraOptimizerTest extends PortfolioOptimizerContract {
    private final CaraOptimizer cara = new CaraOptimizer();

    @Override
    PortfolioOptimizer optimizer() {
        return cara;
    }

    /** Budget-only (unbounded shorts): w = Sigma^-1 (mu + lambda 1) / gamma, lambda fixing sum(w) = 1. */
    @Test
    void budgetOnlyMatchesClosedForm() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + rnd.nextInt(40);
            double gamma = 0.5 + 5 * rnd.nextDouble();
            PortfolioProblem p = RandomProblems.problem(rnd.nextLong(), n).gamma(gamma)
                    .bounds(Kkt.infinite(n, Double.NEGATIVE_INFINITY), null).build();
            DecompositionSolver chol = new CholeskyDecomposition(new Array2DRowRealMatrix(p.covariance())).getSolver();
            RealVector a = chol.solve(new ArrayRealVector(p.expectedReturns()));
            RealVector b = chol.solve(new ArrayRealVector(Kkt.infinite(n, 1.0)));
            double sumA = 0;
            double sumB = 0;
            for (int i = 0; i < n; i++) {
                sumA += a.getEntry(i);
                sumB += b.getEntry(i);
            }
            double lambda = (gamma - sumA) / sumB;
            PortfolioResult r = cara.optimize(p);
            assertEquals(SolverStatus.CONVERGED, r.status());
            for (int i = 0; i < n; i++) {
                double expected = (a.getEntry(i) + lambda * b.getEntry(i)) / gamma;
                assertEquals(expected, r.weights()[i], Tolerances.REFERENCE_RELATIVE * Math.max(1, Math.abs(expected)));
            }
        }
    }

    /**
     * Unconstrained optimum w = Sigma^-1 mu / gamma: choose a positive w* summing to 1 and set
     * mu = gamma Sigma w*, so the unconstrained, budget-only and long-only problems all have the solution w*.
     */
    @Test
    void unconstrainedOptimumInsideTheSimplexIsReturned() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + rnd.nextInt(60);
            double gamma = 0.5 + 5 * rnd.nextDouble();
            double[][] s = RandomProblems.covariance(rnd, n, 3);
            double[] target = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                target[i] = 0.1 + rnd.nextDouble();
                total += target[i];
            }
            double[] mu = new double[n];
            for (int i = 0; i < n; i++) {
                target[i] /= total;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    mu[i] += gamma * s[i][j] * target[j];
                }
            }
            PortfolioResult r = cara.optimize(PortfolioProblem.builder(RandomProblems.symbols(n)).covariance(s)
                    .expectedReturns(mu).gamma(gamma).build());
            for (int i = 0; i < n; i++) {
                assertEquals(target[i], r.weights()[i], 1e-11);
            }
        }
    }

    @Test
    void satisfiesKktWithBoundsOnRandomProblems() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + rnd.nextInt(80);
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                lo[i] = rnd.nextInt(4) == 0 ? -0.2 * rnd.nextDouble() : 0.0;
                hi[i] = rnd.nextInt(3) == 0 ? 0.05 + 0.3 * rnd.nextDouble() : Double.POSITIVE_INFINITY;
            }
            hi[0] = Double.POSITIVE_INFINITY;
            PortfolioProblem p = RandomProblems.problem(rnd.nextLong(), n).gamma(0.5 + 4 * rnd.nextDouble())
                    .bounds(lo, hi).build();
            PortfolioResult r = cara.optimize(p);
            assertEquals(SolverStatus.CONVERGED, r.status());
            double kkt = Kkt.cara(p.covariance(), p.expectedReturns(), p.gamma(), lo, hi, r.weights());
            assertTrue(kkt <= 1e-10, "independent KKT residual " + kkt);
            assertTrue(r.kktResidual() <= 1e-10, "reported KKT residual " + r.kktResidual());
        }
    }

    @Test
    void agreesWithOjAlgoOnRandomSmallProblems() {
        Random rnd = new Random(6);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rnd.nextInt(15);
            double[] lo = new double[n];
            double[] hi = Kkt.infinite(n, Double.POSITIVE_INFINITY);
            if (trial % 2 == 1) {
                for (int i = 0; i < n; i++) {
                    hi[i] = Math.max(0.3, 1.5 / n);
                }
            }
            PortfolioProblem p = RandomProblems.problem(rnd.nextLong(), n).gamma(1 + 3 * rnd.nextDouble())
                    .bounds(lo, hi).build();
            PortfolioResult r = cara.optimize(p);
            double[] ref = OjAlgoReference.cara(p.covariance(), p.expectedReturns(), p.gamma(), lo, hi);
            double ours = utility(p, r.weights());
            double theirs = utility(p, ref);
            // ojAlgo's QP stops at ~1e-8 accuracy; ours is exact, so its utility is never lower.
            assertTrue(ours >= theirs - 1e-12, ours + " < " + theirs);
            assertEquals(theirs, ours, 1e-8);
            for (int i = 0; i < n; i++) {
                assertEquals(ref[i], r.weights()[i], 1e-6, "trial " + trial + " asset " + i);
            }
        }
    }

    @Test
    void duplicatedAssetsDoNotBreakTheSolve() {
        double[][] s = {{0.04, 0.04, 0.01}, {0.04, 0.04, 0.01}, {0.01, 0.01, 0.09}};
        PortfolioProblem p = PortfolioProblem.builder(List.of("A", "A2", "B")).covariance(s)
                .expectedReturns(new double[] {0.08, 0.08, 0.05}).build();
        assertEquals(2, p.numericalRank());
        PortfolioResult r = cara.optimize(p);
        assertTrue(r.status().isUsable());
        assertTrue(Kkt.cara(s, p.expectedReturns(), 2, new double[3], Kkt.infinite(3, Double.POSITIVE_INFINITY),
                r.weights()) <= 1e-12);
    }

    @Test
    void fixedBoundsAreRespected() {
        int n = 5;
        double[] lo = {0.1, 0, 0, 0, 0};
        double[] hi = {0.1, 1, 1, 1, 0.05};
        PortfolioProblem p = RandomProblems.problem(9, n).bounds(lo, hi).build();
        PortfolioResult r = cara.optimize(p);
        assertEquals(0.1, r.weights()[0], 0.0);
        assertTrue(r.weights()[4] <= 0.05);
        assertTrue(Kkt.cara(p.covariance(), p.expectedReturns(), p.gamma(), lo, hi, r.weights()) <= 1e-10);
    }

    @Test
    void requiresExpectedReturns() {
        PortfolioProblem p = PortfolioProblem.builder(List.of("A", "B"))
                .covariance(new double[][] {{1, 0}, {0, 1}}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cara.optimize(p));
        assertTrue(e.getMessage().contains("expectedReturns"));
    }

    private static double utility(PortfolioProblem p, double[] w) {
        double[][] s = p.covariance();
        double[] mu = p.expectedReturns();
        double u = 0;
        for (int i = 0; i < w.length; i++) {
            u += mu[i] * w[i];
            for (int j = 0; j < w.length; j++) {
                u -= 0.5 * p.gamma() * w[i] * s[i][j] * w[j];
            }
        }
        return u;
    }
}
