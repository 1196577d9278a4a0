package io.hfthot.quant.portfolio;

/**
 * A portfolio construction method: maps a {@link PortfolioProblem} to fully invested weights.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>Weights are returned in the order of {@link PortfolioProblem#symbols()} and sum to 1 within
 *       {@code 1e-10} whenever the status is usable; permuting the problem's assets permutes the weights.</li>
 *   <li>Failing to converge, a singular covariance or infeasible constraints are reported through
 *       {@link PortfolioResult#status()}, never thrown. A problem the method cannot accept (e.g. missing
 *       expected returns, bounds given to a method without bounds) raises {@link IllegalArgumentException}
 *       naming the field.</li>
 *   <li>Implementations are stateless and thread-safe. {@link #optimize(PortfolioProblem, PortfolioWorkspace)}
 *       uses the caller's workspace, which must not be shared between threads; the result is bit-identical
 *       to that of a fresh workspace.</li>
 * </ul>
 */
public interface PortfolioOptimizer {

    /**
     * Returns the method name used by the API ({@code cara}, {@code risk_parity}, {@code sparse_l1}).
     *
     * @return the name
     */
    String name();

    /**
     * Solves the problem with a fresh workspace.
     *
     * @param problem the problem
     * @return the result
     */
    default PortfolioResult optimize(PortfolioProblem problem) {
        return optimize(problem, new PortfolioWorkspace(problem.size()));
    }

    /**
     * Solves the problem using the given scratch workspace.
     *
     * @param problem   the problem
     * @param workspace scratch memory (modified; grown if needed)
     * @return the result
     */
    PortfolioResult optimize(PortfolioProblem problem, PortfolioWorkspace workspace);
}
