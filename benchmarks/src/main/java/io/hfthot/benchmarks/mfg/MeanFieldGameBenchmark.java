package io.hfthot.benchmarks.mfg;

import io.hfthot.quant.mfg.DifferenceScheme;
import io.hfthot.quant.mfg.MeanFieldGameSolver;
import io.hfthot.quant.mfg.MfgPriceSignalMapping;
import io.hfthot.quant.mfg.MfgPriceSignalRequest;
import io.hfthot.quant.mfg.MfgProblem;
import io.hfthot.quant.mfg.MfgSolution;
import io.hfthot.quant.mfg.MfgSolverOptions;
import io.hfthot.quant.mfg.MfgWorkspace;
import io.hfthot.quant.mfg.NAgentResult;
import io.hfthot.quant.mfg.NAgentSimulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The HFThot MFG price signal: the HJB / Fokker-Planck equilibrium for the seed's default request
 * (5-minute horizon, 1000 agents) on the grid that meets 1e-3 relative error against the closed-form
 * ODE, and the 1000-agent simulation that comes with it.
 *
 * <p>Peer figure: optimiz-rs, the engine the seed names, advertises 0.4 s for a 100 x 100 grid with
 * 50 iterations; the goal set for this project is 20 ms for the whole default request.
 * {@link #grid100x100With50Sweeps} runs our solver on that peer's problem size for a like-for-like
 * figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MeanFieldGameBenchmark {

    /** Prediction horizon in minutes (seed default 5). */
    @Param({"5", "60"})
    public int horizonMinutes;

    private MfgProblem problem;
    private MeanFieldGameSolver solver;
    private MfgWorkspace workspace;
    private MfgSolution solution;
    private MfgProblem peerProblem;
    private MeanFieldGameSolver peerSolver;
    private MfgWorkspace peerWorkspace;

    /** Builds the default request for BTC-like prices and its workspaces. */
    @Setup
    public void setUp() {
        problem = MfgPriceSignalMapping.toProblem(
                new MfgPriceSignalRequest(horizonMinutes, MfgPriceSignalRequest.DEFAULT_AGENTS, 42_000, 8e-4));
        solver = new MeanFieldGameSolver();
        workspace = MfgWorkspace.forProblem(problem, solver.options());
        solution = solver.solve(problem, workspace);
        // The peer's size: 100 time steps x 100 inventory nodes, exactly 50 outer sweeps (plain damped
        // fixed point with a tolerance that cannot be met, so every sweep runs).
        peerProblem = MfgProblem.withDefaultBounds(5, 1, 0.2, 0.04, 2, 100, 1, 1, 0.5, 100, 100,
                DifferenceScheme.UPWIND);
        peerSolver = new MeanFieldGameSolver(new MfgSolverOptions(1e-300, 50, 0, 0.5, 0, false));
        peerWorkspace = MfgWorkspace.forProblem(peerProblem, peerSolver.options());
    }

    /**
     * The equilibrium alone.
     *
     * @return the solution
     */
    @Benchmark
    public MfgSolution solveDefaultRequest() {
        return solver.solve(problem, workspace);
    }

    /**
     * The 1000-agent simulation on a solved equilibrium.
     *
     * @return the simulation
     */
    @Benchmark
    public NAgentResult simulateThousandAgents() {
        return NAgentSimulation.simulate(solution, MfgPriceSignalRequest.DEFAULT_AGENTS, 42);
    }

    /**
     * The whole default request: equilibrium plus the 1000-agent simulation (the 20 ms goal).
     *
     * @return the simulation
     */
    @Benchmark
    public NAgentResult defaultRequestWithAgents() {
        MfgSolution s = solver.solve(problem, workspace);
        return NAgentSimulation.simulate(s, MfgPriceSignalRequest.DEFAULT_AGENTS, 42);
    }

    /**
     * The peer's problem size: 100 x 100 grid, 50 HJB + Fokker-Planck sweeps.
     *
     * @return the solution
     */
    @Benchmark
    public MfgSolution grid100x100With50Sweeps() {
        return peerSolver.solve(peerProblem, peerWorkspace);
    }
}
