package io.hfthot.engine.market;

/**
 * Exact one-step transition coefficients of {@link RegimeModel} for a fixed step length, computed once
 * per layer so the per-step loop only multiplies and adds.
 */
final class StepKernel {
    final double dt;
    /** Probability of staying in each regime over one step: {@code exp(-dt / sojourn)}. */
    final double[] stay = new double[RegimeModel.REGIMES];
    /** Standard deviation of one step's increment per regime, sigma units (for volume and ranges). */
    final double[] stepSd = new double[RegimeModel.REGIMES];
    /** Variance per step of the intra-step Brownian bridge per regime, sigma^2 units. */
    final double[] bridgeVar = new double[RegimeModel.REGIMES];

    final double trendDiffusionSd;
    final double[] velocityDecay;
    final double[] velocityInnovationSd;
    final double[] integralFromVelocity;
    final double[] integralFromInnovation;
    final double[] integralResidualSd;

    final double anchorSd;
    final double[] ouDecay;
    final double[] ouInnovationSd;

    final double volatileSd;
    final double volumeNoiseSd;
    final double longRunPull;

    StepKernel(double dtMinutes) {
        this.dt = dtMinutes;
        for (int r = 0; r < RegimeModel.REGIMES; r++) {
            stay[r] = Math.exp(-dtMinutes / RegimeModel.MEAN_SOJOURN_MIN[r]);
            stepSd[r] = Math.sqrt(RegimeModel.stepVariance(r, dtMinutes));
            bridgeVar[r] = RegimeModel.stepVariance(r, 1) * dtMinutes;
        }
        trendDiffusionSd = Math.sqrt(RegimeModel.TREND_DIFFUSION * dtMinutes);
        int nv = RegimeModel.VELOCITY_TAU.length;
        velocityDecay = new double[nv];
        velocityInnovationSd = new double[nv];
        integralFromVelocity = new double[nv];
        integralFromInnovation = new double[nv];
        integralResidualSd = new double[nv];
        for (int j = 0; j < nv; j++) {
            // (u_1, int_0^dt u) given u_0 is bivariate normal; sample u_1 first, then the integral given u_1.
            double v = RegimeModel.VELOCITY_VAR[j];
            double tau = RegimeModel.VELOCITY_TAU[j];
            double h = dtMinutes / tau;
            double e = Math.exp(-h);
            double varU = v * (1 - e * e);
            double varI = v * tau * tau * (2 * h - 3 + 4 * e - e * e);
            double cov = v * tau * (1 - e) * (1 - e);
            velocityDecay[j] = e;
            velocityInnovationSd[j] = Math.sqrt(varU);
            integralFromVelocity[j] = tau * (1 - e);
            integralFromInnovation[j] = cov / Math.sqrt(varU);
            integralResidualSd[j] = Math.sqrt(Math.max(0, varI - cov * cov / varU));
        }
        double scale = Math.sqrt(RegimeModel.MEAN_REVERTING_SCALE);
        anchorSd = scale * Math.sqrt(RegimeModel.ANCHOR_VAR * dtMinutes);
        int no = RegimeModel.OU_TAU.length;
        ouDecay = new double[no];
        ouInnovationSd = new double[no];
        for (int j = 0; j < no; j++) {
            double e = Math.exp(-dtMinutes / RegimeModel.OU_TAU[j]);
            ouDecay[j] = e;
            ouInnovationSd[j] = scale * Math.sqrt(RegimeModel.OU_VAR[j] * (1 - e * e));
        }
        volatileSd = Math.sqrt(RegimeModel.VOLATILE_VAR * dtMinutes);
        longRunPull = 1 - Math.exp(-dtMinutes / RegimeModel.LONG_RUN_REVERSION_MIN);
        // Coarser bars average more trades, so their volume is less noisy.
        volumeNoiseSd = 0.35 / Math.sqrt(1 + Math.log(dtMinutes));
    }
}
