package io.hfthot.quant.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class RiskParityOptimizerTest extends PortfolioOptimizerContract {
    private final RiskParityOptimizer rp = new RiskParityOptimizer();

    @Override
    PortfolioOptimizer optimizer() {
        return rp;
    }

    /** Maillard, Roncalli &amp; Teiletche (2010): with one correlation for every pair, ERC = inverse volatility. */
    @Test
    void constantCorrelationGivesInverseVolatilityWeights() {
        Random rnd = new Random(31);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + rnd.nextInt(100);
            double rho = -0.9 / (n - 1) + (0.95 + 0.9 / (n - 1)) * rnd.nextDouble();
            double[] vol = new double[n];
            for (int i = 0; i < n; i++) {
                vol[i] = 0.05 + 0.6 * rnd.nextDouble();
            }
            double[][] s = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s[i][j] = (i == j ? 1.0 : rho) * vol[i] * vol[j];
                }
            }
            PortfolioResult r = rp.optimize(PortfolioProblem.builder(RandomProblems.symbols(n)).covariance(s).build());
            assertEquals(SolverStatus.CONVERGED, r.status());
            double inv = 0;
            for (double v : vol) {
                inv += 1 / v;
            }
            for (int i = 0; i < n; i++) {
                assertEquals(1 / vol[i] / inv, r.weights()[i], 1e-12 + 1e-10 * r.weights()[i]);
            }
        }
    }

    /** Uncorrelated assets with budgets b: y_i^2 sigma_i^2 = b_i, so w_i is proportional to sqrt(b_i) / sigma_i. */
    @Test
    void diagonalCovarianceWithBudgetsHasClosedForm() {
        double[] vol = {0.1, 0.2, 0.4, 0.3};
        double[] b = {0.4, 0.3, 0.2, 0.1};
        double[][] s = new double[4][4];
        double total = 0;
        for (int i = 0; i < 4; i++) {
            s[i][i] = vol[i] * vol[i];
            total += Math.sqrt(b[i]) / vol[i];
        }
        PortfolioResult r = rp.optimize(PortfolioProblem.builder(RandomProblems.symbols(4)).covariance(s)
                .riskBudgets(b).build());
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.sqrt(b[i]) / vol[i] / total, r.weights()[i], 1e-13);
        }
    }

    @Test
    void riskContributionsFollowTheBudgets() {
        Random rnd = new Random(32);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + rnd.nextInt(150);
            double[] b = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                b[i] = 0.1 + rnd.nextDouble();
                total += b[i];
            }
            PortfolioProblem p = RandomProblems.problem(rnd.nextLong(), n).riskBudgets(b).build();
            PortfolioResult r = rp.optimize(p);
            assertEquals(SolverStatus.CONVERGED, r.status());
            double var = r.portfolioVariance();
            double[] rc = r.riskContributions();
            for (int i = 0; i < n; i++) {
                assertTrue(r.weights()[i] > 0);
                assertEquals(b[i] / total, rc[i] / var, 1e-10 * b[i] / total);
            }
        }
    }

    @Test
    void rejectsZeroVarianceAndBounds() {
        PortfolioProblem zero = PortfolioProblem.builder(List.of("A", "CASH"))
                .covariance(new double[][] {{0.04, 0}, {0, 0}}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rp.optimize(zero));
        assertTrue(e.getMessage().contains("covariance[1][1]") && e.getMessage().contains("CASH"), e.getMessage());
        PortfolioProblem bounded = RandomProblems.problem(1, 3).bounds(null, new double[] {1, 1, 1}).build();
        assertThrows(IllegalArgumentException.class, () -> rp.optimize(bounded));
    }

    /**
     * The accelerated symmetric sweeps reach the same point as an independent method: damped Newton on Spinu's
     * objective {@code f(y) = (1/2) y'Sigma y - sum b_i ln y_i} (gradient {@code Sigma y - b/y}, Hessian
     * {@code Sigma + diag(b/y^2)}) with commons-math's Cholesky, run to a Newton decrement of 1e-30.
     */
    @Test
    void agreesWithNewtonOnSpinusObjective() {
        Random rnd = new Random(33);
        for (int trial = 0; trial < 8; trial++) {
            int n = 2 + rnd.nextInt(120);
            double[] budgets = new double[n];
            for (int i = 0; i < n; i++) {
                budgets[i] = trial % 2 == 0 ? 1.0 : 0.2 + rnd.nextDouble();
            }
            PortfolioProblem p = RandomProblems.problem(rnd.nextLong(), n).riskBudgets(budgets).build();
            PortfolioResult r = rp.optimize(p);
            assertEquals(SolverStatus.CONVERGED, r.status());
            double[] reference = newtonRiskParity(p.covariance(), p.riskBudgets());
            for (int i = 0; i < n; i++) {
                assertEquals(reference[i], r.weights()[i], 1e-11 * reference[i], "trial " + trial + " asset " + i);
            }
        }
    }

    /**
     * Iterations count cycles of the documented method: one cycle when the start is already the solution
     * (equal budgets and a constant correlation), and a handful on factor-model covariances; the reported
     * residual meets the documented stopping threshold.
     */
    @Test
    void reportsCyclesOfTheDocumentedMethod() {
        double[] vol = {0.1, 0.25, 0.4, 0.15, 0.3};
        double[][] s = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                s[i][j] = (i == j ? 1.0 : 0.3) * vol[i] * vol[j];
            }
        }
        PortfolioResult exactStart = rp.optimize(PortfolioProblem.builder(RandomProblems.symbols(5)).covariance(s)
                .build());
        assertEquals(1, exactStart.iterations());
        Random rnd = new Random(34);
        for (int trial = 0; trial < 4; trial++) {
            int n = 100 + rnd.nextInt(150);
            PortfolioResult r = rp.optimize(RandomProblems.problem(rnd.nextLong(), n).build());
            assertEquals(SolverStatus.CONVERGED, r.status());
            assertTrue(r.iterations() >= 2 && r.iterations() <= 12, "cycles " + r.iterations());
            assertTrue(r.kktResidual() <= RiskParityOptimizer.STOP_SPREAD, "residual " + r.kktResidual());
        }
    }

    private static double[] newtonRiskParity(double[][] sigma, double[] b) {
        int n = b.length;
        Array2DRowRealMatrix s = new Array2DRowRealMatrix(sigma);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 1.0 / Math.sqrt(sigma[i][i] * n);
        }
        for (int iter = 0; iter < 200; iter++) {
            RealVector sy = s.operate(new ArrayRealVector(y));
            double[] grad = new double[n];
            Array2DRowRealMatrix h = (Array2DRowRealMatrix) s.copy();
            for (int i = 0; i < n; i++) {
                grad[i] = sy.getEntry(i) - b[i] / y[i];
                h.addToEntry(i, i, b[i] / (y[i] * y[i]));
            }
            double[] step = new CholeskyDecomposition(h, 0, 0).getSolver().solve(new ArrayRealVector(grad))
                    .toArray();
            double decrement = 0;
            double t = 1.0;
            for (int i = 0; i < n; i++) {
                decrement += step[i] * grad[i];
                // Damping keeps y > 0: never move a coordinate more than 90% of the way to zero.
                if (step[i] > 0) {
                    t = Math.min(t, 0.9 * y[i] / step[i]);
                }
            }
            for (int i = 0; i < n; i++) {
                y[i] -= t * step[i];
            }
            if (t == 1.0 && decrement < 1e-30) {
                break;
            }
        }
        double total = 0;
        for (double v : y) {
            total += v;
        }
        for (int i = 0; i < n; i++) {
            y[i] /= total;
        }
        return y;
    }
}
