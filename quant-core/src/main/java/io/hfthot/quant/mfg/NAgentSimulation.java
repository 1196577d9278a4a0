package io.hfthot.quant.mfg;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;
import java.util.SplittableRandom;

/**
 * Simulates {@code n} agents that each apply the mean-field equilibrium feedback control to their own
 * inventory, starting from independent draws of the initial distribution.
 *
 * <p>Inventories are deterministic once drawn ({@code dq = nu dt}: the price noise does not enter the
 * control), so the empirical mean differs from the mean-field {@code E(t)} by the sampling error of
 * the initial draw carried along the flow, which is of order {@code s0 / sqrt(n)}. Each agent takes
 * the implicit step {@code q' = q + dt nu_n(q')} with {@code nu_n} linearised in the agent's grid cell
 * (the interpolated control is affine there), so that it integrates the same equation the implicit
 * Fokker-Planck step does. The band is the normal
 * confidence interval of the mean at each time.
 *
 * <p>Thread-safe: all state is local to a call.
 */
public final class NAgentSimulation {
    private NAgentSimulation() {
    }

    /**
     * Simulates with a 95% band.
     *
     * @param solution the mean-field equilibrium
     * @param nAgents  the number of agents (>= 2)
     * @param seed     the seed of the initial inventories
     * @return the trajectory
     */
    public static NAgentResult simulate(MfgSolution solution, int nAgents, long seed) {
        return simulate(solution, nAgents, seed, 0.95);
    }

    /**
     * Simulates the finite crowd.
     *
     * @param solution        the mean-field equilibrium
     * @param nAgents         the number of agents (2 to 10,000,000)
     * @param seed            the seed of the initial inventories
     * @param confidenceLevel the two-sided level of the band, in (0, 1)
     * @return the trajectory
     */
    public static NAgentResult simulate(MfgSolution solution, int nAgents, long seed, double confidenceLevel) {
        if (solution == null) {
            throw new InvalidParameterException("solution", "solution must not be null");
        }
        Checks.inRange(nAgents, 2, 10_000_000, "nAgents");
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new InvalidParameterException("confidenceLevel",
                    "confidenceLevel must be in (0, 1), got " + confidenceLevel);
        }
        MfgProblem p = solution.problem();
        FeedbackControl control = solution.control();
        double[] meanField = solution.meanInventory();
        int steps = control.timeSteps();
        double dt = control.dt();
        double lo = control.inventoryMin();
        double hi = control.inventoryMax();
        double[] inventory = new double[nAgents];
        SplittableRandom random = new SplittableRandom(seed);
        for (int j = 0; j < nAgents; j++) {
            double x;
            do {
                x = p.initialMean() + p.initialStd() * random.nextGaussian();
            } while (x < lo || x > hi);
            inventory[j] = x;
        }
        double z = standardNormalQuantile(0.5 + confidenceLevel / 2);
        // Time runs in the outer loop so that the agents of one step are independent of each other
        // (the inner loop is throughput-bound, not latency-bound); moments are accumulated as deviations
        // from the mean-field mean, which keeps the variance free of cancellation.
        double[] sum = new double[steps + 1];
        double[] sumSquares = new double[steps + 1];
        accumulate(inventory, meanField[0], sum, sumSquares, 0);
        double[] speeds = control.speeds();
        int nodes = control.nodes();
        double inverseDq = 1 / control.dq();
        // Per cell, the speed is affine: nu = left + (x - i) diff. The linearised implicit Euler step
        // q' = q + dt nu(q') becomes q' = q + gain * nu(q) with gain = dt / (1 - dt diff / dq), computed once
        // per cell and step instead of once per agent and step.
        double[] gain = new double[nodes];
        double[] slope = new double[nodes];
        for (int n = 0; n < steps; n++) {
            int base = n * nodes;
            for (int i = 0; i < nodes - 1; i++) {
                double diff = speeds[base + i + 1] - speeds[base + i];
                slope[i] = diff;
                gain[i] = dt / (1 - dt * diff * inverseDq);
            }
            double centre = meanField[n + 1];
            double s = 0;
            double ss = 0;
            for (int j = 0; j < nAgents; j++) {
                double q = inventory[j];
                double x = Math.min(nodes - 1.000001, Math.max(0, (q - lo) * inverseDq));
                int i = (int) x;
                double next = Math.min(hi, Math.max(lo, q + gain[i] * (speeds[base + i] + (x - i) * slope[i])));
                inventory[j] = next;
                double d = next - centre;
                s += d;
                ss += d * d;
            }
            sum[n + 1] = s;
            sumSquares[n + 1] = ss;
        }
        double[] times = new double[steps + 1];
        double[] mean = new double[steps + 1];
        double[] lower = new double[steps + 1];
        double[] upper = new double[steps + 1];
        double[] price = new double[steps + 1];
        double distance = 0;
        for (int n = 0; n <= steps; n++) {
            double meanDeviation = sum[n] / nAgents;
            double variance = Math.max(0, (sumSquares[n] - nAgents * meanDeviation * meanDeviation) / (nAgents - 1));
            double halfWidth = z * Math.sqrt(variance / nAgents);
            mean[n] = meanField[n] + meanDeviation;
            lower[n] = mean[n] - halfWidth;
            upper[n] = mean[n] + halfWidth;
            times[n] = n * dt;
            distance = Math.max(distance, Math.abs(meanDeviation));
        }
        for (int n = 0; n <= steps; n++) {
            price[n] = p.initialPrice() + p.alpha() * (mean[n] - mean[0]);
        }
        return new NAgentResult(nAgents, seed, times, mean, lower, upper, price, distance, confidenceLevel);
    }

    private static void accumulate(double[] inventory, double centre, double[] sum, double[] sumSquares, int n) {
        double s = 0;
        double ss = 0;
        for (double q : inventory) {
            double d = q - centre;
            s += d;
            ss += d * d;
        }
        sum[n] = s;
        sumSquares[n] = ss;
    }

    /**
     * The standard normal quantile by Acklam's rational approximation (relative error below
     * 1.15e-9, ample for a confidence band). Written here because quant-core's main scope carries no
     * statistics library; the tests check it against commons-math3.
     */
    static double standardNormalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new InvalidParameterException("p", "p must be in (0, 1), got " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        double x;
        double plow = 0.02425;
        if (p < plow) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p <= 1 - plow) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        return x;
    }
}
