package io.hfthot.quant.mfg;

import io.hfthot.quant.InvalidParameterException;
import java.util.Arrays;

/**
 * The equilibrium of a crowded-execution mean-field game on its grid. Arrays are copied in and out.
 *
 * @param problem          the problem that was solved
 * @param times            the time grid {@code t_n = n dt}, {@code n = 0..N}
 * @param meanInventory    the crowd's mean inventory {@code E(t_n)}, length N + 1
 * @param meanTradingSpeed the crowd's mean trading speed on step n, {@code mu_n}, length N; it moves
 *                         the mean exactly: {@code E(t_{n+1}) = E(t_n) + dt mu_n}
 * @param price            the expected mid price {@code S0 + alpha (E(t_n) - E(t_0))}, length N + 1
 * @param inventoryGrid    the inventory grid nodes
 * @param snapshotTimes    the times of the density snapshots (empty unless requested)
 * @param densitySnapshots the density weights (one row per snapshot time, summing to one; divide by
 *                         dq for a density) (empty unless requested)
 * @param control          the equilibrium feedback control
 * @param diagnostics      iterations, residual, mass error and status
 */
public record MfgSolution(MfgProblem problem, double[] times, double[] meanInventory, double[] meanTradingSpeed,
        double[] price, double[] inventoryGrid, double[] snapshotTimes, double[][] densitySnapshots,
        FeedbackControl control, MfgDiagnostics diagnostics) {

    /** Copies the arrays in and checks that they are present. */
    public MfgSolution {
        if (problem == null || control == null || diagnostics == null) {
            throw new InvalidParameterException("problem", "problem, control and diagnostics must not be null");
        }
        times = times.clone();
        meanInventory = meanInventory.clone();
        meanTradingSpeed = meanTradingSpeed.clone();
        price = price.clone();
        inventoryGrid = inventoryGrid.clone();
        snapshotTimes = snapshotTimes.clone();
        densitySnapshots = deepCopy(densitySnapshots);
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] meanInventory() {
        return meanInventory.clone();
    }

    @Override
    public double[] meanTradingSpeed() {
        return meanTradingSpeed.clone();
    }

    @Override
    public double[] price() {
        return price.clone();
    }

    @Override
    public double[] inventoryGrid() {
        return inventoryGrid.clone();
    }

    @Override
    public double[] snapshotTimes() {
        return snapshotTimes.clone();
    }

    @Override
    public double[][] densitySnapshots() {
        return deepCopy(densitySnapshots);
    }

    /**
     * The largest relative deviation of the mean inventory from the closed-form ODE solution,
     * {@code max_n |E_n - E(t_n)| / max_n |E(t_n)|}.
     *
     * @return the relative error (0 if the closed form is identically zero and so is the solution)
     */
    public double relativeErrorAgainstOde() {
        MeanInventoryOde ode = MeanInventoryOde.of(problem);
        double err = 0;
        double scale = 0;
        for (int n = 0; n < times.length; n++) {
            double exact = ode.meanInventory(times[n]);
            err = Math.max(err, Math.abs(meanInventory[n] - exact));
            scale = Math.max(scale, Math.abs(exact));
        }
        return scale == 0 ? err : err / scale;
    }

    @Override
    public String toString() {
        return "MfgSolution[steps=" + (times.length - 1) + ", E(T)=" + meanInventory[meanInventory.length - 1]
                + ", S(T)=" + price[price.length - 1] + ", " + diagnostics + ", snapshots="
                + Arrays.toString(snapshotTimes) + "]";
    }
}
