package io.hfthot.quant.qp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The KKT conditions at every solution of random feasible programs (seeded, {@link RandomPrograms}), recomputed
 * from the data by {@link Kkt}. Tolerances, on data of unit size: stationarity, primal feasibility and the
 * multiplier signs within 1e-8 absolute, complementary slackness ({@code |y| * gap}) within 1e-8; the optimum is
 * no worse than the known feasible point.
 */
class QpSolverProperties {
    private static final double TOLERANCE = 1e-8;

    @Property(tries = 60)
    void positiveDefiniteProgramsSatisfyKkt(@ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int n,
                                            @ForAll @IntRange(min = 0, max = 30) int rows) {
        check(RandomPrograms.feasible(seed, n, rows, true));
    }

    @Property(tries = 60)
    void semidefiniteProgramsSatisfyKkt(@ForAll long seed, @ForAll @IntRange(min = 2, max = 25) int n,
                                        @ForAll @IntRange(min = 0, max = 30) int rows) {
        check(RandomPrograms.feasible(seed, n, rows, false));
    }

    private static void check(RandomPrograms.Instance inst) {
        QpResult r = QpSolver.solve(inst.qp());
        assertEquals(SolverStatus.CONVERGED, r.status(), () -> "residual " + r.kktResidual());
        Kkt kkt = new Kkt(inst.qp(), r);
        assertTrue(kkt.max() <= TOLERANCE, kkt::toString);
        assertTrue(r.kktResidual() <= TOLERANCE, "reported " + r.kktResidual());
        double best = r.objective();
        double known = inst.qp().objective(inst.feasible());
        assertTrue(best <= known + 1e-9 * Math.max(1, Math.abs(known)), best + " > " + known);
    }
}
