package io.hfthot.quant.mfg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class NAgentSimulationTest {
    private static final MfgSolution SOLUTION = new MeanFieldGameSolver().solve(
            MfgPriceSignalMapping.toProblem(MfgPriceSignalRequest.withDefaults(42_000, 8e-4)));

    @Test
    void bandSurroundsTheEmpiricalMeanAndTheMeanFieldMostOfTheTime() {
        int covered = 0;
        int runs = 40;
        double[] meanField = SOLUTION.meanInventory();
        for (int seed = 0; seed < runs; seed++) {
            NAgentResult r = NAgentSimulation.simulate(SOLUTION, 1000, seed);
            double[] mean = r.empiricalMean();
            double[] lower = r.bandLower();
            double[] upper = r.bandUpper();
            for (int n = 0; n < mean.length; n++) {
                assertTrue(lower[n] <= mean[n] && mean[n] <= upper[n]);
            }
            int mid = mean.length / 2;
            if (lower[mid] <= meanField[mid] && meanField[mid] <= upper[mid]) {
                covered++;
            }
        }
        // 95% nominal coverage; 40 runs, binomial 5th percentile is about 35.
        assertTrue(covered >= 33, "covered " + covered + " of " + runs);
    }

    @Test
    void sameSeedSameTrajectory() {
        NAgentResult a = NAgentSimulation.simulate(SOLUTION, 500, 42);
        NAgentResult b = NAgentSimulation.simulate(SOLUTION, 500, 42);
        assertArrayEquals(a.empiricalMean(), b.empiricalMean(), 0);
        assertEquals(a.meanFieldDistance(), b.meanFieldDistance(), 0);
        double[] price = a.empiricalPrice();
        double[] mean = a.empiricalMean();
        MfgProblem p = SOLUTION.problem();
        assertEquals(p.initialPrice() + p.alpha() * (mean[10] - mean[0]), price[10], 1e-9);
    }

    @Test
    void quantileMatchesCommonsMath() {
        NormalDistribution normal = new NormalDistribution();
        for (double p : new double[] {0.001, 0.02, 0.3, 0.5, 0.8, 0.975, 0.9995}) {
            assertEquals(normal.inverseCumulativeProbability(p), NAgentSimulation.standardNormalQuantile(p), 1e-8);
        }
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NAgentSimulation.simulate(SOLUTION, 1, 1));
        assertTrue(e.getMessage().contains("nAgents"));
        assertThrows(IllegalArgumentException.class, () -> NAgentSimulation.simulate(SOLUTION, 10, 1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> NAgentSimulation.simulate(null, 10, 1));
    }
}
