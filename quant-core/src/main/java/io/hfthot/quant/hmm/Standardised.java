package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;

/**
 * Observations centred and scaled per feature, with the maps between models in original and standardised
 * units: fitting on standardised data makes tolerances and floors independent of the data's units.
 */
final class Standardised {
    final double[] z;
    final double[] centre;
    final double[] spread;
    /** {@code T * sum_f log spread_f}: the log-likelihood in original units is the standardised one minus this. */
    final double logJacobian;

    private Standardised(double[] z, double[] centre, double[] spread, double logJacobian) {
        this.z = z;
        this.centre = centre;
        this.spread = spread;
        this.logJacobian = logJacobian;
    }

    /**
     * Standardises the observations.
     *
     * @throws IllegalArgumentException naming a constant feature
     */
    static Standardised of(Observations x) {
        int length = x.length();
        int d = x.features();
        double[] data = x.data;
        double[] centre = new double[d];
        double[] spread = new double[d];
        double logJacobian = 0;
        for (int f = 0; f < d; f++) {
            double mean = 0;
            for (int t = 0; t < length; t++) {
                mean += data[t * d + f];
            }
            mean /= length;
            double ss = 0;
            for (int t = 0; t < length; t++) {
                double dz = data[t * d + f] - mean;
                ss += dz * dz;
            }
            double sd = Math.sqrt(ss / length);
            if (!(sd > 0) || sd <= Math.ulp(Math.abs(mean)) * 16) {
                throw new InvalidParameterException("observations",
                        "observations feature " + f + " is constant (every value is "
                        + data[f] + "): a Gaussian HMM cannot be fitted to a series without variation");
            }
            centre[f] = mean;
            spread[f] = sd;
            logJacobian += Math.log(sd);
        }
        double[] z = new double[length * d];
        for (int t = 0; t < length; t++) {
            for (int f = 0; f < d; f++) {
                z[t * d + f] = (data[t * d + f] - centre[f]) / spread[f];
            }
        }
        return new Standardised(z, centre, spread, logJacobian * length);
    }

    /** A standardised-units model mapped to the data's units. */
    GaussianHmm toOriginal(GaussianHmm m) {
        return map(m, false, 0);
    }

    /** A model in the data's units mapped to standardised units, variances raised to the (standardised) floor. */
    GaussianHmm toStandard(GaussianHmm m, double floor) {
        return map(m, true, floor);
    }

    private GaussianHmm map(GaussianHmm m, boolean standardise, double floor) {
        int k = m.k;
        int d = m.d;
        double[] means = new double[k * d];
        double[] vars = new double[k * d];
        for (int i = 0; i < k; i++) {
            for (int f = 0; f < d; f++) {
                int idx = i * d + f;
                double s = spread[f];
                if (standardise) {
                    means[idx] = (m.means[idx] - centre[f]) / s;
                    vars[idx] = Math.max(m.variances[idx] / (s * s), floor);
                } else {
                    means[idx] = centre[f] + s * m.means[idx];
                    vars[idx] = s * s * m.variances[idx];
                }
            }
        }
        return GaussianHmm.create(k, d, m.initial.clone(), m.transition.clone(), means, vars);
    }
}
