package io.hfthot.engine.market;

import io.hfthot.quant.regime.Regime;

/**
 * The regime-switching return model of the simulator, in continuous time with minutes as the time unit
 * and the symbol's per-minute base variance {@code sigma^2} as the variance unit. {@link StepKernel}
 * discretizes it exactly for any step length (with the regime held constant over a step), which is
 * what lets every history layer be "the same dynamics at that granularity".
 *
 * <p>Regime chain: a continuous-time Markov chain with mean sojourn {@link #MEAN_SOJOURN_MIN} minutes
 * and jump probabilities {@link #JUMP}. Per regime, the log-price increment over {@code dt} is:
 * <ul>
 *   <li>trending: {@code sum_j int u_j + sqrt(TREND_DIFFUSION) dW}, where each velocity {@code u_j} is an
 *       Ornstein-Uhlenbeck process with time scale {@code VELOCITY_TAU[j]} and stationary variance
 *       {@code VELOCITY_VAR[j]} (integrated OU increments are positively autocorrelated at every scale
 *       near {@code tau}: momentum); the slowest one is the drift, started at {@code +-TREND_DRIFT}
 *       with a random sign at entry;</li>
 *   <li>mean-reverting: {@code sqrt(ANCHOR_VAR) dW_anchor + sum_j dd_j}, where the deviations
 *       {@code d_j} from the moving anchor are OU processes with time scales {@code OU_TAU[j]} and
 *       stationary variances {@code OU_VAR[j]} (OU increments have lag-1 autocorrelation
 *       {@code -(1 - e^{-dt/tau})/2 < 0}); all scaled by {@code MEAN_REVERTING_SCALE};</li>
 *   <li>volatile: {@code sqrt(VOLATILE_VAR) dW}.</li>
 * </ul>
 * The shocks {@code dW} and {@code dW_anchor} load on a common market factor (see
 * {@link SymbolSpec#factorLoading()}). Components are chosen at 1 min, tens of minutes and hours so the
 * sign of the autocorrelation holds from 1m to 1h bars.
 */
final class RegimeModel {
    /** Regime count, in {@link Regime} order. */
    static final int REGIMES = 3;
    /** Mean sojourn per regime in minutes: trending 6 h, mean-reverting 8 h, volatile 3 h. */
    static final double[] MEAN_SOJOURN_MIN = {360, 480, 180};
    /** Jump probabilities on leaving a regime (rows: from, columns: to). */
    static final double[][] JUMP = {{0, 0.6, 0.4}, {0.6, 0, 0.4}, {0.5, 0.5, 0}};

    /**
     * Probability that a symbol's regime chain uses the draws shared by all symbols at a step; symbols
     * in the same regime then switch together, which correlates regimes across assets.
     */
    static final double REGIME_SYNC = 0.8;

    /**
     * Trending: drift per minute at regime entry, in sigma units. The drift is the slowest velocity
     * component (time scale = the trending sojourn, stationary variance = drift^2), started at
     * {@code +-TREND_DRIFT} on entry, so it discretizes exactly like the other velocities.
     */
    static final double TREND_DRIFT = 0.05;
    /** Trending: diffusion variance per minute. */
    static final double TREND_DIFFUSION = 0.5;
    /** Trending: velocity time scales in minutes; the last one is the drift's. */
    static final double[] VELOCITY_TAU = {5, 60, MEAN_SOJOURN_MIN[0]};
    /** Trending: velocity stationary variances (per minute squared); the last one is the drift's. */
    static final double[] VELOCITY_VAR = {0.25, 0.02, TREND_DRIFT * TREND_DRIFT};

    /** Mean-reverting: overall variance scale. */
    static final double MEAN_REVERTING_SCALE = 0.6;
    /** Mean-reverting: anchor random-walk variance per minute (before scaling). */
    static final double ANCHOR_VAR = 0.15;
    /** Mean-reverting: deviation time scales in minutes. */
    static final double[] OU_TAU = {1, 30, 360};
    /** Mean-reverting: deviation stationary variances (before scaling). */
    static final double[] OU_VAR = {0.5, 4, 40};

    /** Volatile: diffusion variance per minute. */
    static final double VOLATILE_VAR = 9;

    /** Time scale of the weak reversion of the log price to its long-run level: two years, in minutes. */
    static final double LONG_RUN_REVERSION_MIN = 2 * 525_600;

    /** Volume multiplier per regime. */
    static final double[] VOLUME_MULTIPLIER = {1.2, 0.8, 2.0};

    private RegimeModel() {
    }

    /**
     * Stationary variance of the log-price increment over {@code dt} minutes within one regime, in
     * sigma^2 units (closed form: integrated OU variance {@code 2 V tau^2 (h - 1 + e^-h)}, OU increment
     * variance {@code 2 V (1 - e^-h)}, {@code h = dt / tau}). The trending drift is counted as a velocity
     * whose sign is redrawn per episode (time scale = the trending sojourn).
     */
    static double stepVariance(int regime, double dt) {
        switch (regime) {
            case 0: {
                double v = TREND_DIFFUSION * dt;
                for (int j = 0; j < VELOCITY_TAU.length; j++) {
                    v += integratedOuVariance(VELOCITY_VAR[j], VELOCITY_TAU[j], dt);
                }
                return v;
            }
            case 1: {
                double v = ANCHOR_VAR * dt;
                for (int j = 0; j < OU_TAU.length; j++) {
                    v += 2 * OU_VAR[j] * (1 - Math.exp(-dt / OU_TAU[j]));
                }
                return MEAN_REVERTING_SCALE * v;
            }
            default:
                return VOLATILE_VAR * dt;
        }
    }

    /**
     * Stationary lag-1 autocovariance of consecutive increments over {@code dt} within one regime, in
     * sigma^2 units: {@code V tau^2 (1 - e^-h)^2} per integrated OU (momentum, positive) and
     * {@code -V (1 - e^-h)^2} per OU deviation (mean reversion, negative); zero for random walks.
     */
    static double lag1Autocovariance(int regime, double dt) {
        switch (regime) {
            case 0: {
                double c = 0;
                for (int j = 0; j < VELOCITY_TAU.length; j++) {
                    c += integratedOuAutocovariance(VELOCITY_VAR[j], VELOCITY_TAU[j], dt);
                }
                return c;
            }
            case 1: {
                double c = 0;
                for (int j = 0; j < OU_TAU.length; j++) {
                    double g = 1 - Math.exp(-dt / OU_TAU[j]);
                    c -= OU_VAR[j] * g * g;
                }
                return MEAN_REVERTING_SCALE * c;
            }
            default:
                return 0;
        }
    }

    private static double integratedOuAutocovariance(double var, double tau, double dt) {
        double g = 1 - Math.exp(-dt / tau);
        return var * tau * tau * g * g;
    }

    private static double integratedOuVariance(double var, double tau, double dt) {
        double h = dt / tau;
        return 2 * var * tau * tau * (h - 1 + Math.exp(-h));
    }

    /** Long-run fraction of time spent in each regime: embedded-chain stationary law times sojourns. */
    static double[] occupancy() {
        double[] psi = {1.0 / 3, 1.0 / 3, 1.0 / 3};
        for (int iteration = 0; iteration < 500; iteration++) {
            double[] next = new double[REGIMES];
            for (int from = 0; from < REGIMES; from++) {
                for (int to = 0; to < REGIMES; to++) {
                    next[to] += psi[from] * JUMP[from][to];
                }
            }
            psi = next;
        }
        double[] occupancy = new double[REGIMES];
        double total = 0;
        for (int r = 0; r < REGIMES; r++) {
            occupancy[r] = psi[r] * MEAN_SOJOURN_MIN[r];
            total += occupancy[r];
        }
        for (int r = 0; r < REGIMES; r++) {
            occupancy[r] /= total;
        }
        return occupancy;
    }

    /**
     * The per-minute base variance that gives a symbol its target annual volatility: the target daily
     * variance divided by the occupancy-weighted daily variance of the model in sigma^2 units.
     */
    static double baseVariancePerMinute(double annualVolatility) {
        double[] occupancy = occupancy();
        double dailyUnits = 0;
        for (int r = 0; r < REGIMES; r++) {
            dailyUnits += occupancy[r] * stepVariance(r, 1440);
        }
        return annualVolatility * annualVolatility / 365.0 / dailyUnits;
    }

    /** Spread multiplier per regime: proportional to the regime's one-minute volatility, 1 when calm. */
    static double spreadMultiplier(int regime) {
        return Math.sqrt(stepVariance(regime, 1) / stepVariance(1, 1));
    }

    /** Intraday volume seasonality: +-25 % around the mean, peaking at 15:00 UTC. */
    static double seasonality(long epochMillis) {
        double dayFraction = Math.floorMod(epochMillis, 86_400_000L) / 86_400_000.0;
        return 1 + 0.25 * Math.sin(2 * Math.PI * (dayFraction - 0.375));
    }
}
