package io.hfthot.quant.stats;

/**
 * Estimates the mean vector and covariance matrix of asset returns from a return matrix.
 *
 * <p>Contract: the input is a {@code T x n} matrix of per-period returns (row = period, column = asset),
 * {@code T >= 2}, {@code n >= 1}, every value finite; it is not modified. The estimate is per period (not
 * annualised; see {@link CovarianceEstimate#annualised(double)}). The covariance is symmetric and positive
 * semidefinite. Implementations are stateless and thread-safe. Invalid input raises
 * {@link IllegalArgumentException} naming the field and the value.
 */
public interface CovarianceEstimator {

    /**
     * Returns the short name of this estimator (e.g. {@code "sample"}, {@code "ledoit_wolf_cc"}).
     *
     * @return the name
     */
    String name();

    /**
     * Estimates mean and covariance per period.
     *
     * @param returns the {@code T x n} return matrix, row-major by period (not modified)
     * @return the estimate
     */
    CovarianceEstimate estimate(double[][] returns);
}
