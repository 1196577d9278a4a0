package io.hfthot.quant.stats;

/**
 * The unbiased sample covariance {@code X'X / (T - 1)} of demeaned returns (numpy's {@code np.cov}
 * default, pandas' {@code DataFrame.cov}). Singular when {@code T <= n}; prefer {@link LedoitWolfCovariance}
 * then.
 */
public final class SampleCovariance implements CovarianceEstimator {

    /** Creates the estimator. */
    public SampleCovariance() {
    }

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public CovarianceEstimate estimate(double[][] returns) {
        int n = ReturnMatrix.validate(returns);
        int t = returns.length;
        double[] mean = ReturnMatrix.means(returns, n);
        double[] x = ReturnMatrix.centred(returns, mean);
        return new CovarianceEstimate(mean, ReturnMatrix.crossProduct(x, t, n, t - 1.0), 0.0, t);
    }
}
