package io.hfthot.quant.stats;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;

/**
 * A mean vector and covariance matrix estimated from {@code observations} periods, with the shrinkage
 * intensity used (0 for the sample estimator).
 *
 * @param mean         mean return per period for each asset (copied in and out)
 * @param covariance   covariance per period, symmetric positive semidefinite (copied in and out)
 * @param shrinkage    shrinkage intensity in [0, 1] towards the estimator's target (0 if none)
 * @param observations the number of periods T the estimate was computed from
 */
public record CovarianceEstimate(double[] mean, double[][] covariance, double shrinkage, int observations) {

    /** Validates shapes and values and takes defensive copies. */
    public CovarianceEstimate {
        Checks.allFinite(mean, "mean");
        int n = mean.length;
        Checks.symmetric(covariance, n, "covariance");
        if (!(shrinkage >= 0 && shrinkage <= 1)) {
            throw new InvalidParameterException("shrinkage", "shrinkage must be in [0, 1], got " + shrinkage);
        }
        if (observations < 1) {
            throw new InvalidParameterException("observations", "observations must be >= 1, got " + observations);
        }
        mean = mean.clone();
        covariance = deepCopy(covariance);
    }

    /** Returns a copy of the mean vector. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** Returns a copy of the covariance matrix. */
    @Override
    public double[][] covariance() {
        return deepCopy(covariance);
    }

    /** Returns the number of assets. */
    public int assets() {
        return mean.length;
    }

    /**
     * Scales the estimate to an annual horizon under the i.i.d. convention: mean times
     * {@code periodsPerYear}, covariance times {@code periodsPerYear} (so volatility scales with its square
     * root). Use 252 for daily bars, 52 for weekly, 12 for monthly, {@code 365 * 24} for hourly crypto bars.
     *
     * @param periodsPerYear the number of return periods in a year, finite and > 0
     * @return a new, annualised estimate
     */
    public CovarianceEstimate annualised(double periodsPerYear) {
        Checks.positive(periodsPerYear, "periodsPerYear");
        int n = mean.length;
        double[] m = new double[n];
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i] = mean[i] * periodsPerYear;
            for (int j = 0; j < n; j++) {
                c[i][j] = covariance[i][j] * periodsPerYear;
            }
        }
        return new CovarianceEstimate(m, c, shrinkage, observations);
    }

    static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
