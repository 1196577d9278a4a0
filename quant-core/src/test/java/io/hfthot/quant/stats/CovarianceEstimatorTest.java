package io.hfthot.quant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

class CovarianceEstimatorTest {

    static double[][] returns(long seed, int t, int n) {
        Random rnd = new Random(seed);
        double[][] r = new double[t][n];
        for (int k = 0; k < t; k++) {
            double m = 0.01 * rnd.nextGaussian();
            for (int i = 0; i < n; i++) {
                // Fat-ish tails (a Gaussian mixture) so the fourth-moment terms of the intensity matter.
                double scale = rnd.nextInt(10) == 0 ? 0.04 : 0.012;
                r[k][i] = 0.0004 + (0.5 + 0.1 * i % 3) * m + scale * rnd.nextGaussian();
            }
        }
        return r;
    }

    @Test
    void sampleCovarianceMatchesCommonsMath() {
        double[][] r = returns(1, 50, 7);
        CovarianceEstimate e = new SampleCovariance().estimate(r);
        double[][] ref = new Covariance(r, true).getCovarianceMatrix().getData();
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(ref[i][j], e.covariance()[i][j], 1e-15);
            }
        }
        assertEquals(0.0, e.shrinkage());
    }

    /** A direct transcription of Ledoit and Wolf's covCor.m on commons-math matrices. */
    @Test
    void constantCorrelationMatchesTheReferenceCode() {
        for (int[] shape : new int[][] {{60, 5}, {30, 40}, {250, 12}}) {
            double[][] r = returns(shape[0] * 31L + shape[1], shape[0], shape[1]);
            CovarianceEstimate e = LedoitWolfCovariance.constantCorrelation().estimate(r);
            Reference ref = covCor(r);
            assertEquals(ref.shrinkage, e.shrinkage(), 1e-12);
            assertTrue(e.shrinkage() > 0 && e.shrinkage() <= 1, "intensity " + e.shrinkage());
            double[][] c = e.covariance();
            for (int i = 0; i < shape[1]; i++) {
                for (int j = 0; j < shape[1]; j++) {
                    assertEquals(ref.sigma.getEntry(i, j), c[i][j], 1e-15);
                }
            }
        }
    }

    /** A direct transcription of scikit-learn's ledoit_wolf_shrinkage (assume_centered=False). */
    @Test
    void scaledIdentityMatchesTheScikitLearnFormula() {
        for (int[] shape : new int[][] {{60, 5}, {30, 40}}) {
            double[][] r = returns(shape[0] * 17L + shape[1], shape[0], shape[1]);
            int t = shape[0];
            int n = shape[1];
            RealMatrix x = centred(r);
            RealMatrix x2 = x.copy();
            x2.walkInOptimizedOrder(new org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor() {
                @Override
                public double visit(int row, int column, double value) {
                    return value * value;
                }
            });
            RealMatrix emp = x.transpose().multiply(x).scalarMultiply(1.0 / t);
            double traceSum = 0;
            for (int i = 0; i < n; i++) {
                traceSum += emp.getEntry(i, i);
            }
            double mu = traceSum / n;
            double betaRaw = sum(x2.transpose().multiply(x2));
            double deltaRaw = sumSquares(x.transpose().multiply(x)) / ((double) t * t);
            double beta = 1.0 / (n * t) * (betaRaw / t - deltaRaw);
            double delta = (deltaRaw - 2 * mu * traceSum + n * mu * mu) / n;
            beta = Math.min(beta, delta);
            double expected = beta == 0 ? 0 : beta / delta;
            CovarianceEstimate e = LedoitWolfCovariance.scaledIdentity().estimate(r);
            assertEquals(expected, e.shrinkage(), 1e-12);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double ref = (1 - expected) * emp.getEntry(i, j) + (i == j ? expected * mu : 0);
                    assertEquals(ref, e.covariance()[i][j], 1e-15);
                }
            }
        }
    }

    /** Two blocks (correlation ~0.9 inside, 0 across) are far from constant correlation: little shrinkage. */
    @Test
    void longSampleFarFromTheTargetIsBarelyShrunk() {
        Random rnd = new Random(9);
        double[][] r = new double[2000][6];
        for (double[] row : r) {
            double f1 = rnd.nextGaussian();
            double f2 = rnd.nextGaussian();
            for (int i = 0; i < 6; i++) {
                row[i] = 0.01 * ((i < 3 ? f1 : f2) * 3 + rnd.nextGaussian());
            }
        }
        double delta = LedoitWolfCovariance.constantCorrelation().estimate(r).shrinkage();
        assertTrue(delta > 0 && delta < 0.05, "intensity " + delta);
    }

    @Test
    void annualisationScalesMeanAndCovarianceByPeriodsPerYear() {
        CovarianceEstimate e = new SampleCovariance().estimate(returns(3, 40, 3));
        CovarianceEstimate a = e.annualised(252);
        assertEquals(e.mean()[1] * 252, a.mean()[1], 1e-15);
        assertEquals(e.covariance()[0][2] * 252, a.covariance()[0][2], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> e.annualised(0));
    }

    @Test
    void rejectsBadReturns() {
        CovarianceEstimator est = LedoitWolfCovariance.constantCorrelation();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> est.estimate(new double[][] {{0.1, 0.2}, {0.1, Double.NaN}}));
        assertTrue(e.getMessage().contains("returns[1][1]"));
        assertThrows(IllegalArgumentException.class, () -> est.estimate(new double[][] {{0.1, 0.2}}));
        assertThrows(IllegalArgumentException.class, () -> est.estimate(new double[][] {{0.1, 0.2}, {0.1}}));
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
                () -> est.estimate(new double[][] {{0.1, 0.2}, {0.1, 0.3}, {0.1, 0.1}}));
        assertTrue(flat.getMessage().contains("column 0"));
    }

    private record Reference(double shrinkage, RealMatrix sigma) {
    }

    private static RealMatrix centred(double[][] r) {
        int t = r.length;
        int n = r[0].length;
        double[][] x = new double[t][n];
        for (int i = 0; i < n; i++) {
            double m = 0;
            for (double[] row : r) {
                m += row[i];
            }
            m /= t;
            for (int k = 0; k < t; k++) {
                x[k][i] = r[k][i] - m;
            }
        }
        return new Array2DRowRealMatrix(x);
    }

    private static Reference covCor(double[][] r) {
        int t = r.length;
        int n = r[0].length;
        RealMatrix x = centred(r);
        RealMatrix sample = x.transpose().multiply(x).scalarMultiply(1.0 / t);
        double[] var = new double[n];
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            var[i] = sample.getEntry(i, i);
            sd[i] = Math.sqrt(var[i]);
        }
        double rSum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rSum += sample.getEntry(i, j) / (sd[i] * sd[j]);
            }
        }
        double rBar = (rSum - n) / (n * (n - 1.0));
        RealMatrix prior = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                prior.setEntry(i, j, i == j ? var[i] : rBar * sd[i] * sd[j]);
            }
        }
        RealMatrix y = new Array2DRowRealMatrix(t, n);
        RealMatrix x3 = new Array2DRowRealMatrix(t, n);
        for (int k = 0; k < t; k++) {
            for (int i = 0; i < n; i++) {
                double v = x.getEntry(k, i);
                y.setEntry(k, i, v * v);
                x3.setEntry(k, i, v * v * v);
            }
        }
        // phiMat = y'y/t - 2 (x'x) .* sample / t + sample.^2
        RealMatrix yy = y.transpose().multiply(y).scalarMultiply(1.0 / t);
        RealMatrix xx = x.transpose().multiply(x);
        double phi = 0;
        double phiDiag = 0;
        RealMatrix term1 = x3.transpose().multiply(x).scalarMultiply(1.0 / t);
        RealMatrix help = x.transpose().multiply(x).scalarMultiply(1.0 / t);
        double thetaTerm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = sample.getEntry(i, j);
                double pm = yy.getEntry(i, j) - 2 * xx.getEntry(i, j) * s / t + s * s;
                phi += pm;
                if (i == j) {
                    phiDiag += pm;
                } else {
                    double theta = term1.getEntry(i, j) - help.getEntry(i, i) * s - help.getEntry(i, j) * var[i]
                            + var[i] * s;
                    thetaTerm += (sd[j] / sd[i]) * theta;
                }
            }
        }
        double rho = phiDiag + rBar * thetaTerm;
        double gamma = Math.pow(sample.subtract(prior).getFrobeniusNorm(), 2);
        double kappa = (phi - rho) / gamma;
        double shrinkage = Math.max(0, Math.min(1, kappa / t));
        return new Reference(shrinkage, prior.scalarMultiply(shrinkage).add(sample.scalarMultiply(1 - shrinkage)));
    }

    private static double sum(RealMatrix m) {
        double s = 0;
        for (double[] row : m.getData()) {
            for (double v : row) {
                s += v;
            }
        }
        return s;
    }

    private static double sumSquares(RealMatrix m) {
        double s = 0;
        for (double[] row : m.getData()) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }
}
