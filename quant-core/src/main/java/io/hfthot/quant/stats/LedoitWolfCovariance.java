package io.hfthot.quant.stats;

import io.hfthot.quant.InvalidParameterException;
import java.util.Objects;

/**
 * Ledoit-Wolf (2004) shrinkage covariance {@code delta * F + (1 - delta) * S}, where {@code S = X'X / T} is
 * the maximum-likelihood sample covariance of demeaned returns and {@code F} one of two targets:
 * <ul>
 *   <li>{@link Target#CONSTANT_CORRELATION}: Ledoit &amp; Wolf, "Honey, I shrunk the sample covariance
 *       matrix", J. Portfolio Management 30(4), 2004; the variances of {@code S} with every correlation set to
 *       the average sample correlation. The intensity follows the authors' reference code {@code covCor.m}
 *       ({@code delta = max(0, min(1, (pi - rho) / gamma / T))}). This is the default: for asset returns it
 *       keeps the cross-sectional variance structure.</li>
 *   <li>{@link Target#SCALED_IDENTITY}: Ledoit &amp; Wolf, "A well-conditioned estimator for
 *       large-dimensional covariance matrices", J. Multivariate Analysis 88, 2004; {@code F = mu * I} with
 *       {@code mu = trace(S) / n}, the intensity computed as scikit-learn's {@code ledoit_wolf_shrinkage}.</li>
 * </ul>
 * Both use the {@code 1/T} normalisation of the papers (not {@code 1/(T-1)}). The result is positive
 * definite whenever {@code delta > 0} and the target is, even when {@code T <= n}.
 */
public final class LedoitWolfCovariance implements CovarianceEstimator {

    /** The shrinkage target. */
    public enum Target {
        /** Sample variances with a single average correlation (Ledoit-Wolf, J. Portfolio Management 2004). */
        CONSTANT_CORRELATION,
        /** The average variance times the identity (Ledoit-Wolf, J. Multivariate Analysis 2004). */
        SCALED_IDENTITY
    }

    private final Target target;

    /**
     * Creates an estimator with the given target.
     *
     * @param target the shrinkage target, not null
     */
    public LedoitWolfCovariance(Target target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Returns the estimator shrinking towards the constant-correlation target. */
    public static LedoitWolfCovariance constantCorrelation() {
        return new LedoitWolfCovariance(Target.CONSTANT_CORRELATION);
    }

    /** Returns the estimator shrinking towards the scaled identity. */
    public static LedoitWolfCovariance scaledIdentity() {
        return new LedoitWolfCovariance(Target.SCALED_IDENTITY);
    }

    /** Returns the shrinkage target. */
    public Target target() {
        return target;
    }

    @Override
    public String name() {
        return target == Target.CONSTANT_CORRELATION ? "ledoit_wolf_cc" : "ledoit_wolf_identity";
    }

    @Override
    public CovarianceEstimate estimate(double[][] returns) {
        int n = ReturnMatrix.validate(returns);
        int t = returns.length;
        double[] mean = ReturnMatrix.means(returns, n);
        double[] x = ReturnMatrix.centred(returns, mean);
        double[][] s = ReturnMatrix.crossProduct(x, t, n, t);
        return target == Target.CONSTANT_CORRELATION
                ? constantCorrelation(mean, x, s, t, n)
                : scaledIdentity(mean, x, s, t, n);
    }

    private static CovarianceEstimate constantCorrelation(double[] mean, double[] x, double[][] s, int t, int n) {
        if (n == 1) {
            return new CovarianceEstimate(mean, s, 0.0, t);
        }
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(s[i][i] > 0) || constantColumn(x, t, n, i)) {
                throw new InvalidParameterException("returns", "returns column " + i
                        + " has zero variance; the constant-correlation target needs every variance > 0");
            }
            sd[i] = Math.sqrt(s[i][i]);
        }
        double corrSum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    corrSum += s[i][j] / (sd[i] * sd[j]);
                }
            }
        }
        double rBar = corrSum / (n * (n - 1.0));
        double[][] prior = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                prior[i][j] = i == j ? s[i][i] : rBar * sd[i] * sd[j];
            }
        }
        // pi-hat = sum_ij [mean_t (x_ti x_tj)^2 - s_ij^2]; its diagonal part enters rho-hat. The double sum of
        // the fourth moments is sum_t (sum_i x_ti^2)^2, so no n x n fourth-moment matrix is formed.
        // theta_ij = mean_t x_ti^3 x_tj - s_ii s_ij, and rho-hat needs sum_{i != j} (sd_j / sd_i) theta_ij,
        // whose first part is (1/T) sum_t sum_i (x_ti^3 / sd_i) (sum_j sd_j x_tj - sd_i x_ti): O(T n) in all.
        double fourthAll = 0;
        double fourthDiag = 0;
        double thetaMoment = 0;
        for (int r = 0; r < t; r++) {
            int off = r * n;
            double sq = 0;
            double weighted = 0;
            for (int i = 0; i < n; i++) {
                double xi = x[off + i];
                sq += xi * xi;
                weighted += sd[i] * xi;
            }
            fourthAll += sq * sq;
            for (int i = 0; i < n; i++) {
                double xi = x[off + i];
                double xi2 = xi * xi;
                fourthDiag += xi2 * xi2;
                thetaMoment += xi2 * xi / sd[i] * (weighted - sd[i] * xi);
            }
        }
        double sumSq = 0;
        double diagSq = 0;
        double thetaCorrection = 0;
        double gamma = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sij = s[i][j];
                sumSq += sij * sij;
                if (i == j) {
                    diagSq += sij * sij;
                } else {
                    thetaCorrection += (sd[j] / sd[i]) * s[i][i] * sij;
                }
                double d = sij - prior[i][j];
                gamma += d * d;
            }
        }
        double pi = fourthAll / t - sumSq;
        double piDiag = fourthDiag / t - diagSq;
        double thetaSum = thetaMoment / t - thetaCorrection;
        double rho = piDiag + rBar * thetaSum;
        // When the target equals the sample up to rounding (always for n = 2) the intensity is 0/0: report 0.
        double delta = gamma > 1e-24 * sumSq ? Math.max(0.0, Math.min(1.0, (pi - rho) / gamma / t)) : 0.0;
        return new CovarianceEstimate(mean, blend(s, prior, delta), delta, t);
    }

    /** Whether the demeaned column is constant (a flat price series): its variance is rounding noise. */
    private static boolean constantColumn(double[] x, int t, int n, int col) {
        double first = x[col];
        for (int r = 1; r < t; r++) {
            if (x[r * n + col] != first) {
                return false;
            }
        }
        return true;
    }

    private static CovarianceEstimate scaledIdentity(double[] mean, double[] x, double[][] s, int t, int n) {
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += s[i][i];
        }
        double mu = trace / n;
        // beta: (1 / (n T)) * (sum_t ||x_t||^4 / T - ||S||_F^2); delta: ||S - mu I||_F^2 / n.
        double fourth = 0;
        for (int r = 0; r < t; r++) {
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double v = x[r * n + i];
                sq += v * v;
            }
            fourth += sq * sq;
        }
        double frob = 0;
        double dist = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                frob += s[i][j] * s[i][j];
                double d = s[i][j] - (i == j ? mu : 0.0);
                dist += d * d;
            }
        }
        double beta = (fourth / t - frob) / ((double) n * t);
        double delta = dist / n;
        beta = Math.min(beta, delta);
        double shrinkage = delta > 0 && beta > 0 ? beta / delta : 0.0;
        double[][] prior = new double[n][n];
        for (int i = 0; i < n; i++) {
            prior[i][i] = mu;
        }
        return new CovarianceEstimate(mean, blend(s, prior, shrinkage), shrinkage, t);
    }

    private static double[][] blend(double[][] s, double[][] prior, double delta) {
        int n = s.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = delta * prior[i][j] + (1 - delta) * s[i][j];
            }
        }
        return out;
    }
}
