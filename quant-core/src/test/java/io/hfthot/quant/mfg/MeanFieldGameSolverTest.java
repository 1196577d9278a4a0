package io.hfthot.quant.mfg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import io.hfthot.quant.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * Verifies the finite-difference equilibrium against the closed-form mean-inventory ODE (observed
 * convergence order), against Almgren-Chriss when alpha = 0, and checks the outer loop.
 */
class MeanFieldGameSolverTest {

    /** kappa = 1, alpha = 0.2, phi = 0.04, A = 2, T = 5, E0 = 1, s0 = 0.5 on [-3, 4]. */
    private static MfgProblem base(DifferenceScheme scheme, int steps, int nodes) {
        return MfgProblem.withDefaultBounds(5, 1, 0.2, 0.04, 2, 100, 1, 1, 0.5, steps, nodes, scheme);
    }

    private static double error(MfgProblem p) {
        MfgSolution s = new MeanFieldGameSolver().solve(p);
        assertEquals(SolverStatus.CONVERGED, s.diagnostics().status());
        return s.relativeErrorAgainstOde();
    }

    private static double rate(double coarse, double fine) {
        return Math.log(coarse / fine) / Math.log(2);
    }

    @Test
    void meanInventoryConvergesAtFirstOrderInTheTimeStep() {
        // Lax-Friedrichs leaves the mean without inventory-step error, so this isolates dt.
        double e1 = error(base(DifferenceScheme.LAX_FRIEDRICHS, 100, 40));
        double e2 = error(base(DifferenceScheme.LAX_FRIEDRICHS, 200, 40));
        double e3 = error(base(DifferenceScheme.LAX_FRIEDRICHS, 400, 40));
        assertEquals(1.0, rate(e1, e2), 0.1, "errors " + e1 + ", " + e2);
        assertEquals(1.0, rate(e2, e3), 0.1, "errors " + e2 + ", " + e3);
    }

    @Test
    void upwindMeanInventoryConvergesAtFirstOrderInTheInventoryStep() {
        // dt is small enough (error ~2e-4) that the upwind inventory-step error (~1e-2 to 3e-3)
        // dominates. Coarser grids (dq > 0.1 here) are pre-asymptotic: agents that reach their target
        // stall on the node next to it, an O(dq) error whose constant depends on node alignment.
        double e1 = error(base(DifferenceScheme.UPWIND, 4000, 97));
        double e2 = error(base(DifferenceScheme.UPWIND, 4000, 193));
        double e3 = error(base(DifferenceScheme.UPWIND, 4000, 385));
        assertEquals(1.0, rate(e1, e2), 0.2, "errors " + e1 + ", " + e2);
        assertEquals(1.0, rate(e2, e3), 0.2, "errors " + e2 + ", " + e3);
    }

    @Test
    void upwindConvergesAtFirstOrderUnderJointRefinement() {
        double e1 = error(base(DifferenceScheme.UPWIND, 250, 97));
        double e2 = error(base(DifferenceScheme.UPWIND, 500, 193));
        double e3 = error(base(DifferenceScheme.UPWIND, 1000, 385));
        assertEquals(1.0, rate(e1, e2), 0.2, "errors " + e1 + ", " + e2);
        assertEquals(1.0, rate(e2, e3), 0.2, "errors " + e2 + ", " + e3);
    }

    @Test
    void withoutPermanentImpactTheCrowdTradesLikeAlmgrenChriss() {
        MfgProblem p = base(DifferenceScheme.LAX_FRIEDRICHS, 2000, 64).withAlpha(0);
        MfgSolution s = new MeanFieldGameSolver().solve(p);
        double[] times = s.times();
        double[] mean = s.meanInventory();
        double e0 = mean[0];
        double worst = 0;
        for (int n = 0; n < times.length; n++) {
            double exact = AlmgrenChriss.inventory(p.kappa(), p.phi(), p.terminalPenalty(), p.horizon(), e0, times[n]);
            worst = Math.max(worst, Math.abs(mean[n] - exact));
        }
        // First order in dt: 0.72 * dt / T relative at this setting; 1e-3 leaves margin.
        assertTrue(worst < 1e-3 * Math.abs(e0), "max deviation " + worst);
        for (double price : s.price()) {
            assertEquals(p.initialPrice(), price, 0);
        }
    }

    @Test
    void defaultPriceSignalRequestMeetsOneInAThousand() {
        for (double vol : new double[] {0, 2e-4, 8e-4, 3e-3}) {
            MfgProblem p = MfgPriceSignalMapping.toProblem(MfgPriceSignalRequest.withDefaults(42_000, vol));
            MfgSolution s = new MeanFieldGameSolver().solve(p);
            assertEquals(SolverStatus.CONVERGED, s.diagnostics().status());
            assertTrue(s.relativeErrorAgainstOde() < 1e-3, "vol " + vol + ": " + s.relativeErrorAgainstOde());
            assertTrue(s.diagnostics().boundaryMass() < 1e-6);
        }
    }

    @Test
    void priceMovesWithTheCrowdAndMeanSpeedMovesTheMeanExactly() {
        MfgProblem p = base(DifferenceScheme.UPWIND, 200, 60);
        MfgSolution s = new MeanFieldGameSolver().solve(p);
        double[] e = s.meanInventory();
        double[] mu = s.meanTradingSpeed();
        double[] price = s.price();
        assertEquals(p.timeSteps() + 1, e.length);
        assertEquals(p.timeSteps(), mu.length);
        for (int n = 0; n < mu.length; n++) {
            assertEquals(e[n + 1], e[n] + p.dt() * mu[n], Tolerances.INVARIANT_ABSOLUTE);
            assertTrue(mu[n] < 0, "a long crowd sells");
        }
        for (int n = 0; n < price.length; n++) {
            assertEquals(p.initialPrice() + p.alpha() * (e[n] - e[0]), price[n], 1e-12);
        }
        assertTrue(price[price.length - 1] < p.initialPrice());
    }

    @Test
    void andersonAndPlainFixedPointAgree() {
        // alpha T / (2 kappa) = 0.5: weak enough for plain Picard to converge.
        MfgProblem p = base(DifferenceScheme.UPWIND, 200, 50);
        MfgSolverOptions tight = MfgSolverOptions.defaults().withTolerance(1e-11);
        MfgSolution anderson = new MeanFieldGameSolver(tight).solve(p);
        MfgSolverOptions picardOptions = tight.withAcceleration(0, 1.0).withClosedFormStart(false);
        MfgSolution picard = new MeanFieldGameSolver(picardOptions).solve(p);
        assertEquals(SolverStatus.CONVERGED, picard.diagnostics().status());
        assertTrue(picard.diagnostics().outerIterations() > anderson.diagnostics().outerIterations());
        assertArrayEquals(anderson.meanInventory(), picard.meanInventory(), 1e-8);
    }

    @Test
    void strongCouplingConvergesWithAndersonWhereTheStartDoesNotMatter() {
        MfgProblem p = base(DifferenceScheme.LAX_FRIEDRICHS, 400, 50).withAlpha(4);
        MfgSolverOptions tight = MfgSolverOptions.defaults().withTolerance(1e-11);
        MfgSolution fromClosedForm = new MeanFieldGameSolver(tight).solve(p);
        MfgSolution fromZero = new MeanFieldGameSolver(tight.withClosedFormStart(false)).solve(p);
        assertEquals(SolverStatus.CONVERGED, fromClosedForm.diagnostics().status());
        assertEquals(SolverStatus.CONVERGED, fromZero.diagnostics().status());
        assertArrayEquals(fromClosedForm.meanInventory(), fromZero.meanInventory(), 1e-7);
        assertTrue(fromClosedForm.relativeErrorAgainstOde() < 1e-2);
    }

    @Test
    void reportsTheIterationLimitAsAStatus() {
        MfgSolverOptions once = new MfgSolverOptions(1e-12, 1, 0, 1.0, 0, false);
        MfgSolution s = new MeanFieldGameSolver(once).solve(base(DifferenceScheme.UPWIND, 100, 30));
        assertEquals(SolverStatus.MAX_ITERATIONS, s.diagnostics().status());
        assertEquals(1, s.diagnostics().outerIterations());
        assertTrue(s.diagnostics().residual() > 0);
    }

    @Test
    void reusedWorkspaceGivesBitIdenticalResults() {
        MfgProblem p = base(DifferenceScheme.LAX_FRIEDRICHS, 300, 40);
        MeanFieldGameSolver solver = new MeanFieldGameSolver();
        MfgWorkspace ws = MfgWorkspace.forProblem(p, solver.options());
        MfgSolution first = solver.solve(p, ws);
        solver.solve(p.withAlpha(1.5), ws);
        MfgSolution again = solver.solve(p, ws);
        assertArrayEquals(first.meanInventory(), again.meanInventory(), 0);
        assertArrayEquals(first.meanTradingSpeed(), again.meanTradingSpeed(), 0);
        assertArrayEquals(new MeanFieldGameSolver().solve(p).meanInventory(), first.meanInventory(), 0);
        assertThrows(IllegalArgumentException.class, () -> solver.solve(p.withGrid(301, 40), ws));
    }

    @Test
    void densitySnapshotsAreProbabilityVectorsWithTheReportedMean() {
        MfgProblem p = base(DifferenceScheme.UPWIND, 100, 40);
        MfgSolution s = new MeanFieldGameSolver(MfgSolverOptions.defaults().withSnapshotStride(25)).solve(p);
        double[][] snaps = s.densitySnapshots();
        double[] snapTimes = s.snapshotTimes();
        double[] grid = s.inventoryGrid();
        double[] mean = s.meanInventory();
        assertEquals(5, snaps.length);
        for (int k = 0; k < snaps.length; k++) {
            assertEquals(k * 25 * p.dt(), snapTimes[k], 1e-12);
            double mass = 0;
            double m = 0;
            for (int i = 0; i < grid.length; i++) {
                assertTrue(snaps[k][i] >= 0);
                mass += snaps[k][i];
                m += snaps[k][i] * grid[i];
            }
            assertEquals(1, mass, Tolerances.INVARIANT_ABSOLUTE);
            assertEquals(mean[k * 25], m, Tolerances.INVARIANT_ABSOLUTE);
        }
        assertEquals(0, new MeanFieldGameSolver().solve(p).densitySnapshots().length);
    }

    @Test
    void feedbackControlIsTheEquilibriumSpeedOnTheGrid() {
        MfgProblem p = base(DifferenceScheme.LAX_FRIEDRICHS, 400, 57);
        MfgSolution s = new MeanFieldGameSolver().solve(p);
        // In the LQ model nu*(t, q) = (h1 - q h2) / (2 kappa) is affine in q and decreasing.
        FeedbackControl c = s.control();
        double slope1 = c.speed(100, 1.0) - c.speed(100, 0.0);
        double slope2 = c.speed(100, 2.0) - c.speed(100, 1.0);
        assertTrue(slope1 < 0);
        assertEquals(slope1, slope2, 1e-3 * Math.abs(slope1));
        assertThrows(IllegalArgumentException.class, () -> c.speed(400, 0));
    }
}
