package io.hfthot.quant.portfolio;

import io.hfthot.quant.SolverStatus;

/**
 * {@code risk_parity}: the long-only, fully invested portfolio whose risk contributions
 * {@code RC_i = w_i (Sigma w)_i} are proportional to the risk budgets {@code b} (equal by default: ERC).
 *
 * <p>Solved through Spinu's convex formulation (F. Spinu, "An algorithm for computing risk parity weights",
 * 2013): {@code y* = argmin_{y > 0} (1/2) y' Sigma y - sum_i b_i ln y_i} satisfies
 * {@code y_i (Sigma y)_i = b_i}, and {@code w = y / sum(y)}. The minimiser is found by cyclical coordinate
 * descent (Griveau-Billion, Richard &amp; Roncalli, "A fast algorithm for computing high-dimensional risk
 * parity portfolios", 2013): each coordinate is minimised exactly by the positive root of
 * {@code Sigma_ii y_i^2 + c_i y_i - b_i = 0}, {@code c_i = (Sigma y)_i - Sigma_ii y_i}, and {@code Sigma y}
 * is updated by one row of {@code Sigma} (O(n) per coordinate, no factorisation). Cycles stop when the
 * relative spread of {@code RC_i / b_i} is below {@value #STOP_SPREAD}; the status is
 * {@link SolverStatus#CONVERGED} if the spread recomputed from scratch is within {@value #CONVERGED_SPREAD}.
 *
 * <p>Diagnostics: {@link PortfolioResult#kktResidual()} is {@code max_i |q_i / mean(q) - 1|} with
 * {@code q_i = RC_i / b_i} (0 means exact parity) plus the budget error; {@link PortfolioResult#objective()}
 * is Spinu's objective at {@code y*}; {@link PortfolioResult#iterations()} counts cycles. Every variance
 * must be positive; bounds and expected returns are ignored (bounds raise an error).
 */
public final class RiskParityOptimizer implements PortfolioOptimizer {
    /** Stopping threshold of the cycles on the relative spread of budget-scaled risk contributions. */
    public static final double STOP_SPREAD = 1e-12;
    /** Largest recomputed relative spread reported as converged. */
    public static final double CONVERGED_SPREAD = 1e-10;
    /** Cycle limit. */
    public static final int MAX_CYCLES = 20_000;

    /** Creates the optimiser (stateless; {@link PortfolioOptimizers#byName(String)} shares one). */
    public RiskParityOptimizer() {
    }

    @Override
    public String name() {
        return PortfolioOptimizers.RISK_PARITY;
    }

    @Override
    public PortfolioResult optimize(PortfolioProblem problem, PortfolioWorkspace ws) {
        if (problem.hasBounds()) {
            throw new IllegalArgumentException("bounds are accepted by method cara only, not risk_parity");
        }
        int n = problem.size();
        double[] sigma = problem.sigmaFlat();
        double[] b = problem.budgetsRaw();
        for (int i = 0; i < n; i++) {
            if (!(sigma[i * n + i] > 0)) {
                throw new IllegalArgumentException("risk_parity needs every variance > 0, but covariance[" + i
                        + "][" + i + "] = " + sigma[i * n + i] + " for '" + problem.symbols().get(i) + "'");
            }
        }
        ws.ensure(n);
        double[] y = ws.w;
        double[] sy = ws.sw;
        // Start from the inverse-volatility portfolio scaled so that y' Sigma y = sum(b) = 1 (Spinu's scaling).
        for (int i = 0; i < n; i++) {
            y[i] = b[i] / Math.sqrt(sigma[i * n + i]);
        }
        DenseKernels.multiply(sigma, n, y, sy);
        double scale = 1.0 / Math.sqrt(DenseKernels.dot(y, sy, n));
        for (int i = 0; i < n; i++) {
            y[i] *= scale;
            sy[i] *= scale;
        }
        int cycles = 0;
        double spread = spread(y, sy, b, n);
        double best = spread;
        int stalled = 0;
        while (spread > STOP_SPREAD && cycles < MAX_CYCLES && stalled < 20) {
            for (int i = 0; i < n; i++) {
                int row = i * n;
                double sii = sigma[row + i];
                double c = sy[i] - sii * y[i];
                double disc = Math.sqrt(c * c + 4.0 * sii * b[i]);
                // Positive root without cancellation: for c >= 0 use 2b / (c + sqrt(.)).
                double yi = c >= 0 ? 2.0 * b[i] / (c + disc) : (disc - c) / (2.0 * sii);
                double d = yi - y[i];
                if (d != 0.0) {
                    y[i] = yi;
                    DenseKernels.axpy(d, sigma, row, sy, n);
                }
            }
            cycles++;
            spread = spread(y, sy, b, n);
            if (spread < 0.5 * best) {
                best = spread;
                stalled = 0;
            } else {
                stalled++;
            }
        }
        DenseKernels.multiply(sigma, n, y, sy);
        double objective = 0.5 * DenseKernels.dot(y, sy, n);
        double total = 0;
        for (int i = 0; i < n; i++) {
            objective -= b[i] * Math.log(y[i]);
            total += y[i];
        }
        double[] w = new double[n];
        double[] rc = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = y[i] / total;
        }
        DenseKernels.multiply(sigma, n, w, sy);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            rc[i] = w[i] * sy[i];
            sum += w[i];
        }
        double residual = spread(w, sy, b, n);
        double kkt = Math.max(residual, Math.abs(sum - 1.0));
        SolverStatus status = residual <= CONVERGED_SPREAD ? SolverStatus.CONVERGED
                : cycles >= MAX_CYCLES ? SolverStatus.MAX_ITERATIONS : SolverStatus.ILL_CONDITIONED;
        return new PortfolioResult(name(), problem.symbols(), w, status, objective, cycles, kkt, rc,
                PortfolioResult.countNonZero(w));
    }

    /** {@code max_i |q_i / mean(q) - 1|} for {@code q_i = y_i (Sigma y)_i / b_i}. */
    private static double spread(double[] y, double[] sy, double[] b, int n) {
        double mean = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double q = y[i] * sy[i] / b[i];
            mean += q;
            lo = Math.min(lo, q);
            hi = Math.max(hi, q);
        }
        mean /= n;
        return Math.max(hi / mean - 1.0, 1.0 - lo / mean);
    }
}
