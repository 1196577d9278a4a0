package io.hfthot.quant.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import io.hfthot.quant.mfg.DifferenceScheme;
import io.hfthot.quant.mfg.MeanFieldGameSolver;
import io.hfthot.quant.mfg.MfgPriceSignal;
import io.hfthot.quant.mfg.MfgPriceSignalMapping;
import io.hfthot.quant.mfg.MfgPriceSignalRequest;
import io.hfthot.quant.mfg.MfgProblem;
import io.hfthot.quant.mfg.MfgSolution;
import io.hfthot.quant.mfg.NAgentResult;
import io.hfthot.quant.mfg.NAgentSimulation;
import org.junit.jupiter.api.Test;

/** The code of {@code docs/mfg.md}, run (see {@link DocSnippetsTest}). */
class MfgDocSnippetsTest {
    @Test
    void priceSignal() {
        double price = 2500.0;
        double oneMinuteLogVol = 0.001;
        long seed = 7;
        // snippet:start
        MfgPriceSignalRequest request = new MfgPriceSignalRequest(5, 1000, price, oneMinuteLogVol);
        MfgPriceSignal signal = MfgPriceSignal.compute(request, seed);       // all of the below in one call
        MfgProblem problem = MfgPriceSignalMapping.toProblem(request);
        MfgSolution eq = new MeanFieldGameSolver().solve(problem);          // reuse an MfgWorkspace per thread
        eq.times(); eq.meanInventory(); eq.meanTradingSpeed(); eq.price(); eq.diagnostics();
        NAgentResult crowd = NAgentSimulation.simulate(eq, request.nAgents(), seed);
        crowd.empiricalMean(); crowd.bandLower(); crowd.bandUpper(); crowd.meanFieldDistance();
        // snippet:end
        assertEquals(SolverStatus.CONVERGED, eq.diagnostics().status());
        assertTrue(signal != null && crowd.meanFieldDistance() >= 0);
    }

    @Test
    void aProblemByName() {
        // snippet:start
        MfgProblem problem = MfgProblem.builder()
                .horizon(5).kappa(1).alpha(0.2).phi(0.04).terminalPenalty(2)
                .initialPrice(100).volatility(1).initialMean(1).initialStd(0.5)
                .grid(200, 64)                       // time steps, inventory nodes
                .scheme(DifferenceScheme.UPWIND)     // the default; bounds default to E0 +/- 6 s0 around 0
                .build();
        MfgSolution eq = new MeanFieldGameSolver().solve(problem);
        if (!eq.diagnostics().status().isUsable()) {
            throw new IllegalStateException("no equilibrium: " + eq.diagnostics());
        }
        // snippet:end
        assertEquals(SolverStatus.CONVERGED, eq.diagnostics().status());
    }
}
