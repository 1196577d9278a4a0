package io.hfthot.quant.mfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MfgPriceSignalMappingTest {

    @Test
    void mapsTheSeedDefaultsOntoDocumentedParameters() {
        MfgPriceSignalRequest request = MfgPriceSignalRequest.withDefaults(40_000, 1e-3);
        assertEquals(5, request.horizonMinutes());
        assertEquals(1000, request.nAgents());
        MfgProblem p = MfgPriceSignalMapping.toProblem(request);
        assertEquals(5, p.horizon());
        assertEquals(2e-4 * 40_000, p.kappa(), 1e-12);
        assertEquals(2e-5 * 40_000, p.alpha(), 1e-12);
        assertEquals(40, p.volatility(), 1e-12);
        assertEquals(10.0 / 40_000 * 40 * 40, p.phi(), 1e-12);
        assertEquals(10 * p.kappa() / 5, p.terminalPenalty(), 1e-12);
        assertEquals(1, p.initialMean());
        assertEquals(0.5, p.initialStd());
        assertEquals(1200, p.timeSteps());
        assertEquals(64, p.inventoryNodes());
        assertEquals(DifferenceScheme.LAX_FRIEDRICHS, p.scheme());
    }

    @Test
    void longHorizonsGetMoreSteps() {
        MfgProblem p = MfgPriceSignalMapping.toProblem(new MfgPriceSignalRequest(60, 1000, 40_000, 3e-3));
        double rate = Math.sqrt(p.phi() / p.kappa());
        assertEquals((int) Math.ceil(500 * 60 * rate), p.timeSteps());
        MfgSolution s = new MeanFieldGameSolver().solve(p);
        assertTrue(s.relativeErrorAgainstOde() < 1e-3, "error " + s.relativeErrorAgainstOde());
    }

    @Test
    void oneCallSignalSolvesAndSimulates() {
        MfgPriceSignal signal = MfgPriceSignal.compute(MfgPriceSignalRequest.withDefaults(42_000, 8e-4), 7);
        assertEquals(io.hfthot.quant.SolverStatus.CONVERGED, signal.solution().diagnostics().status());
        assertEquals(1000, signal.agents().nAgents());
        double[] price = signal.solution().price();
        assertEquals(42_000, price[0], 0);
        assertTrue(price[price.length - 1] < 42_000, "a long crowd unwinding pushes the price down");
        assertTrue(signal.agents().meanFieldDistance() < 3 * 0.5 / Math.sqrt(1000));
    }

    @Test
    void rejectsBadRequestsWithTheSeedsParameterNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MfgPriceSignalRequest(0, 1000, 100, 1e-3));
        assertTrue(e.getMessage().contains("horizon_min"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MfgPriceSignalRequest(5, 1, 100, 1e-3));
        assertTrue(e.getMessage().contains("n_agents"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MfgPriceSignalRequest(5, 10, Double.NaN, 1e-3));
        assertTrue(e.getMessage().contains("price"), e.getMessage());
    }
}
