package io.hfthot.quant.portfolio;

/**
 * {@code Sigma^-1 mu} and {@code Sigma^-1 1} through the pivoted Cholesky factor the problem keeps from its
 * positive-semidefiniteness check (no explicit inverse), for the closed-form methods.
 */
final class InverseSolves {
    private InverseSolves() {
    }

    /**
     * Writes {@code Sigma^-1 mu} into {@code sigmaInvMu} and {@code Sigma^-1 1} into {@code sigmaInvOne}.
     *
     * @return false when the covariance is singular (no full-rank factor)
     */
    static boolean solve(PortfolioProblem problem, PortfolioWorkspace ws, double[] sigmaInvMu,
                         double[] sigmaInvOne) {
        double[] l = problem.factor();
        if (l == null) {
            return false;
        }
        int n = problem.size();
        ws.ensure(n);
        int[] piv = problem.pivot();
        double[] mu = problem.muRaw();
        double[] a = ws.p;
        double[] b = ws.z;
        for (int r = 0; r < n; r++) {
            a[r] = mu[piv[r]];
            b[r] = 1.0;
        }
        DenseKernels.solveTwo(l, n, n, a, b);
        for (int r = 0; r < n; r++) {
            sigmaInvMu[piv[r]] = a[r];
            sigmaInvOne[piv[r]] = b[r];
        }
        return true;
    }
}
