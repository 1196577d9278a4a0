package io.hfthot.quant.mfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.Tolerances;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the HJB / Fokker-Planck scheme over well-conditioned random problems. */
class MeanFieldGameProperties {

    @Provide
    Arbitrary<MfgProblem> problems() {
        Arbitrary<Double> kappa = Arbitraries.doubles().between(0.3, 3).ofScale(6);
        Arbitrary<Double> alpha = Arbitraries.doubles().between(0, 2).ofScale(6);
        Arbitrary<Double> phi = Arbitraries.doubles().between(0, 0.2).ofScale(6);
        Arbitrary<Double> terminal = Arbitraries.doubles().between(0, 5).ofScale(6);
        Arbitrary<Double> horizon = Arbitraries.doubles().between(0.5, 8).ofScale(6);
        Arbitrary<Double> e0 = Arbitraries.doubles().between(-2, 2).ofScale(6);
        Arbitrary<Double> s0 = Arbitraries.doubles().between(0.2, 1).ofScale(6);
        Arbitrary<Integer> steps = Arbitraries.integers().between(10, 150);
        Arbitrary<Integer> nodes = Arbitraries.integers().between(12, 80);
        Arbitrary<DifferenceScheme> scheme = Arbitraries.of(DifferenceScheme.class);
        return Combinators.combine(kappa, alpha, phi, terminal, horizon, e0, s0, steps)
                .as((k, a, f, t, h, m, s, n) -> new double[] {k, a, f, t, h, m, s, n})
                .flatMap(v -> Combinators.combine(nodes, scheme).as((m, sc) -> MfgProblem.withDefaultBounds(v[4], v[0],
                        v[1], v[2], v[3], 100, 1, v[5], v[6], (int) v[7], m, sc)));
    }

    @Property(tries = 40, seed = "20180335")
    void densityKeepsItsMassAndStaysNonNegative(@ForAll("problems") MfgProblem problem) {
        MfgSolution s = new MeanFieldGameSolver(MfgSolverOptions.defaults().withSnapshotStride(1)).solve(problem);
        assertTrue(s.diagnostics().massError() <= Tolerances.INVARIANT_ABSOLUTE, s.diagnostics().toString());
        assertTrue(s.diagnostics().minDensity() >= 0, s.diagnostics().toString());
        for (double[] row : s.densitySnapshots()) {
            double mass = 0;
            for (double w : row) {
                assertTrue(w >= 0);
                mass += w;
            }
            assertEquals(1, mass, Tolerances.INVARIANT_ABSOLUTE);
        }
    }

    @Property(tries = 30, seed = "16109904")
    void meanSpeedMovesTheMeanExactly(@ForAll("problems") MfgProblem problem) {
        MfgSolution s = new MeanFieldGameSolver().solve(problem);
        double[] e = s.meanInventory();
        double[] mu = s.meanTradingSpeed();
        for (int n = 0; n < mu.length; n++) {
            assertEquals(e[n + 1], e[n] + problem.dt() * mu[n], Tolerances.INVARIANT_ABSOLUTE);
        }
    }

    @Property(tries = 30, seed = "7703")
    void mirroringTheCrowdMirrorsTheEquilibrium(@ForAll("problems") MfgProblem problem) {
        MfgProblem mirrored = MfgProblem.withDefaultBounds(problem.horizon(), problem.kappa(), problem.alpha(),
                problem.phi(), problem.terminalPenalty(), problem.initialPrice(), problem.volatility(),
                -problem.initialMean(), problem.initialStd(), problem.timeSteps(), problem.inventoryNodes(),
                problem.scheme());
        MfgSolution a = new MeanFieldGameSolver().solve(problem);
        MfgSolution b = new MeanFieldGameSolver().solve(mirrored);
        double[] ea = a.meanInventory();
        double[] eb = b.meanInventory();
        double scale = Math.abs(problem.initialMean()) + problem.initialStd();
        for (int n = 0; n < ea.length; n++) {
            assertEquals(-ea[n], eb[n], 1e-7 * scale, "step " + n);
        }
    }

    @Property(tries = 8, seed = "1000")
    void finiteCrowdApproachesTheMeanFieldLikeOneOverSqrtN(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        MfgProblem p = MfgProblem.withDefaultBounds(5, 1, 0.5, 0.04, 2, 100, 1, 1, 0.5, 200, 64,
                DifferenceScheme.LAX_FRIEDRICHS);
        MfgSolution s = new MeanFieldGameSolver().solve(p);
        int repeats = 12;
        double small = 0;
        double large = 0;
        for (int r = 0; r < repeats; r++) {
            small += NAgentSimulation.simulate(s, 100, seed * 1000 + r).meanFieldDistance();
            large += NAgentSimulation.simulate(s, 6400, seed * 1000 + 500 + r).meanFieldDistance();
        }
        small /= repeats;
        large /= repeats;
        // sqrt(6400 / 100) = 8; averaging 12 sup-distances keeps the ratio well inside [4, 16].
        double ratio = small / large;
        assertTrue(ratio > 4 && ratio < 16, "distance ratio " + ratio + " (" + small + " vs " + large + ")");
        // And in absolute terms: the initial sampling error s0 / sqrt(N), carried by a contracting flow.
        assertTrue(large < 3 * p.initialStd() / Math.sqrt(6400), "distance " + large);
    }
}
