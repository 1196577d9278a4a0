package io.hfthot.quant.mfg;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;

/**
 * Scratch memory for {@link MeanFieldGameSolver}, sized for a grid. Reusing one workspace across
 * solves of the same grid size allocates nothing in the sweeps and gives bit-identical results.
 * Not thread-safe: use one workspace per thread.
 */
public final class MfgWorkspace {
    final int timeSteps;
    final int nodes;
    final int depth;
    final double[] q;
    final double[] m0;
    final double[] upRate;
    final double[] downRate;
    final double[] h;
    final double[] hNext;
    final double[] cPrime;
    final double[] dPrime;
    final double[] density;
    final double[] densityNext;
    final double[] meanInventory;
    final double[] mu;
    final double[] swept;
    final double[] residual;
    final AndersonMixer mixer;

    /**
     * Allocates a workspace.
     *
     * @param timeSteps     the number of time steps of the problems it will serve
     * @param nodes         the number of inventory nodes
     * @param andersonDepth the Anderson depth of the options it will serve
     */
    public MfgWorkspace(int timeSteps, int nodes, int andersonDepth) {
        this.timeSteps = Checks.inRange(timeSteps, 1, MfgProblem.MAX_GRID, "timeSteps");
        this.nodes = Checks.inRange(nodes, 3, MfgProblem.MAX_GRID, "inventoryNodes");
        this.depth = Checks.inRange(andersonDepth, 0, 20, "andersonDepth");
        if ((long) timeSteps * nodes > 50_000_000L) {
            throw new InvalidParameterException("timeSteps",
                    "timeSteps * inventoryNodes must be <= 50000000, got " + timeSteps
                    + " * " + nodes);
        }
        q = new double[nodes];
        m0 = new double[nodes];
        upRate = new double[timeSteps * nodes];
        downRate = new double[timeSteps * nodes];
        h = new double[nodes];
        hNext = new double[nodes];
        cPrime = new double[nodes];
        dPrime = new double[nodes];
        density = new double[nodes];
        densityNext = new double[nodes];
        meanInventory = new double[timeSteps + 1];
        mu = new double[timeSteps];
        swept = new double[timeSteps];
        residual = new double[timeSteps];
        mixer = new AndersonMixer(timeSteps, andersonDepth);
    }

    /**
     * A workspace for one problem and options.
     *
     * @param problem the problem
     * @param options the solver options
     * @return a new workspace
     */
    public static MfgWorkspace forProblem(MfgProblem problem, MfgSolverOptions options) {
        return new MfgWorkspace(problem.timeSteps(), problem.inventoryNodes(), options.andersonDepth());
    }

    boolean fits(MfgProblem problem, MfgSolverOptions options) {
        return timeSteps == problem.timeSteps() && nodes == problem.inventoryNodes()
                && depth >= options.andersonDepth();
    }
}
