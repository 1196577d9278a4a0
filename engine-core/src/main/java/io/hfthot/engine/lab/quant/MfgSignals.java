package io.hfthot.engine.lab.quant;

import io.hfthot.engine.lab.api.MfgDiagnosticsView;
import io.hfthot.engine.lab.api.MfgPoint;
import io.hfthot.quant.mfg.MeanFieldGameSolver;
import io.hfthot.quant.mfg.MfgDiagnostics;
import io.hfthot.quant.mfg.MfgPriceSignalMapping;
import io.hfthot.quant.mfg.MfgPriceSignalRequest;
import io.hfthot.quant.mfg.MfgSolution;
import io.hfthot.quant.mfg.NAgentResult;
import io.hfthot.quant.mfg.NAgentSimulation;
import java.util.ArrayList;
import java.util.List;

/**
 * The MFG price signal: seed 000's {@code horizon_min} and {@code n_agents} mapped by quant-core's
 * {@link MfgPriceSignalMapping} onto a crowded-execution mean-field game calibrated with the symbol's current
 * price and one-minute volatility, solved by {@link MeanFieldGameSolver}, and checked against a finite crowd of
 * {@code n_agents} simulated agents ({@link NAgentSimulation}).
 *
 * <p>Thread safety: stateless apart from the solver, which is safe for concurrent use with a workspace per
 * call.
 */
public final class MfgSignals {
    /** Points the returned trajectory is thinned to (the solver uses at least 1200 time steps). */
    public static final int TRAJECTORY_POINTS = 61;
    /** Seed of the n-agent simulation, fixed so that equal requests give equal diagnostics. */
    public static final long AGENT_SEED = 0x5EED000L;

    private final MeanFieldGameSolver solver = new MeanFieldGameSolver();

    /** Creates the service. */
    public MfgSignals() {
    }

    /**
     * The solved signal.
     *
     * @param target      equilibrium price at the horizon
     * @param trajectory  thinned trajectory
     * @param diagnostics solver and crowd diagnostics
     */
    public record Signal(double target, List<MfgPoint> trajectory, MfgDiagnosticsView diagnostics) {
    }

    /**
     * Solves the game for a symbol's state.
     *
     * @param horizonMin          horizon in minutes (1..1440)
     * @param nAgents             agents in the finite-crowd check (2..1,000,000)
     * @param price               current price (> 0)
     * @param volatilityPerMinute one-minute log-return volatility (>= 0)
     * @return the signal
     */
    public Signal solve(int horizonMin, int nAgents, double price, double volatilityPerMinute) {
        MfgPriceSignalRequest request = new MfgPriceSignalRequest(horizonMin, nAgents, price, volatilityPerMinute);
        MfgSolution eq = solver.solve(MfgPriceSignalMapping.toProblem(request));
        NAgentResult crowd = NAgentSimulation.simulate(eq, nAgents, AGENT_SEED);
        double[] t = eq.times();
        double[] p = eq.price();
        double[] e = eq.meanInventory();
        double[] mu = eq.meanTradingSpeed();
        int steps = t.length - 1;
        List<MfgPoint> points = new ArrayList<>(TRAJECTORY_POINTS);
        int stride = Math.max(1, steps / (TRAJECTORY_POINTS - 1));
        for (int i = 0; i <= steps; i += stride) {
            points.add(new MfgPoint(t[i], p[i], e[i], mu[Math.min(i, mu.length - 1)]));
        }
        if ((steps % stride) != 0) {
            points.add(new MfgPoint(t[steps], p[steps], e[steps], mu[mu.length - 1]));
        }
        MfgDiagnostics d = eq.diagnostics();
        double[] crowdMean = crowd.empiricalMean();
        MfgDiagnosticsView view = new MfgDiagnosticsView(d.status().name(), d.outerIterations(), d.residual(),
                d.massError(), eq.relativeErrorAgainstOde(), crowdMean[crowdMean.length - 1],
                crowd.meanFieldDistance(), volatilityPerMinute);
        return new Signal(p[steps], points, view);
    }
}
