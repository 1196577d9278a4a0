package io.hfthot.quant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Invariants of the Ledoit-Wolf estimators on seeded random returns.
 */
class CovarianceEstimatorProperties {

    @Property(tries = 30)
    void shrunkEstimateIsPositiveDefiniteEvenWithFewerPeriodsThanAssets(@ForAll long seed,
            @ForAll @IntRange(min = 5, max = 30) int t, @ForAll @IntRange(min = 2, max = 40) int n,
            @ForAll boolean identity) {
        double[][] r = CovarianceEstimatorTest.returns(seed, t, n);
        LedoitWolfCovariance est = identity ? LedoitWolfCovariance.scaledIdentity()
                : LedoitWolfCovariance.constantCorrelation();
        CovarianceEstimate e = est.estimate(r);
        assertTrue(e.shrinkage() >= 0 && e.shrinkage() <= 1);
        double[] eig = new EigenDecomposition(new Array2DRowRealMatrix(e.covariance())).getRealEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : eig) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (e.shrinkage() > 0) {
            assertTrue(min > 1e-12 * max, "smallest eigenvalue " + min);
        } else {
            assertTrue(min > -1e-12 * max);
        }
    }

    /** Shifting returns moves only the mean; scaling by c scales the covariance by c^2 at the same intensity. */
    @Property(tries = 30)
    void equivariantUnderShiftAndScale(@ForAll long seed, @ForAll @IntRange(min = 10, max = 60) int t,
            @ForAll @IntRange(min = 2, max = 15) int n, @ForAll @DoubleRange(min = 0.1, max = 10) @Scale(4) double c,
            @ForAll @DoubleRange(min = -0.01, max = 0.01) @Scale(6) double shift, @ForAll boolean identity) {
        double[][] r = CovarianceEstimatorTest.returns(seed, t, n);
        double[][] moved = new double[t][n];
        for (int k = 0; k < t; k++) {
            for (int i = 0; i < n; i++) {
                moved[k][i] = c * r[k][i] + shift;
            }
        }
        LedoitWolfCovariance est = identity ? LedoitWolfCovariance.scaledIdentity()
                : LedoitWolfCovariance.constantCorrelation();
        CovarianceEstimate a = est.estimate(r);
        CovarianceEstimate b = est.estimate(moved);
        assertEquals(a.shrinkage(), b.shrinkage(), 1e-9);
        double[][] ca = a.covariance();
        double[][] cb = b.covariance();
        for (int i = 0; i < n; i++) {
            assertEquals(c * a.mean()[i] + shift, b.mean()[i], 1e-12);
            for (int j = 0; j < n; j++) {
                assertEquals(c * c * ca[i][j], cb[i][j], 1e-9 * Math.abs(c * c * ca[i][i]));
            }
        }
    }
}
