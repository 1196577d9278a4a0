package io.hfthot.quant.mfg;

import io.hfthot.quant.InvalidParameterException;

/**
 * The equilibrium feedback trading speed {@code nu*(t_n, q)} computed by the solver, on its grid.
 *
 * <p>Between nodes the speed is interpolated linearly; outside the grid the edge value is used. The
 * speed on step n is the drift {@code (L^n q)_i} of the discrete generator, which is what moved the
 * density from {@code t_n} to {@code t_{n+1}}. Immutable and thread-safe.
 */
public final class FeedbackControl {
    private final double[] speeds;
    private final int timeSteps;
    private final int nodes;
    private final double inventoryMin;
    private final double dq;
    private final double dt;
    private final double inverseDq;

    FeedbackControl(double[] speeds, int timeSteps, int nodes, double inventoryMin, double dq, double dt) {
        this.speeds = speeds;
        this.timeSteps = timeSteps;
        this.nodes = nodes;
        this.inventoryMin = inventoryMin;
        this.dq = dq;
        this.dt = dt;
        this.inverseDq = 1 / dq;
    }

    /**
     * The trading speed of an agent holding {@code inventory} during time step {@code step}.
     *
     * @param step      the time step in {@code [0, timeSteps)}
     * @param inventory the agent's inventory
     * @return the speed (inventory per unit time; negative = selling)
     */
    public double speed(int step, double inventory) {
        if (step < 0 || step >= timeSteps) {
            throw new InvalidParameterException("step", "step must be in [0, " + (timeSteps - 1) + "], got " + step);
        }
        int base = step * nodes;
        double x = (inventory - inventoryMin) * inverseDq;
        if (!(x > 0)) {
            return speeds[base];
        }
        if (x >= nodes - 1) {
            return speeds[base + nodes - 1];
        }
        int i = (int) x;
        double w = x - i;
        return speeds[base + i] + w * (speeds[base + i + 1] - speeds[base + i]);
    }

    /** The speeds, step-major ({@code [n * nodes + i]}); shared, not copied: callers must not modify. */
    double[] speeds() {
        return speeds;
    }

    /** The number of inventory nodes. */
    public int nodes() {
        return nodes;
    }

    /** The inventory step. */
    public double dq() {
        return dq;
    }

    /** The number of time steps. */
    public int timeSteps() {
        return timeSteps;
    }

    /** The time step. */
    public double dt() {
        return dt;
    }

    /** The lowest grid inventory. */
    public double inventoryMin() {
        return inventoryMin;
    }

    /** The highest grid inventory. */
    public double inventoryMax() {
        return inventoryMin + (nodes - 1) * dq;
    }
}
