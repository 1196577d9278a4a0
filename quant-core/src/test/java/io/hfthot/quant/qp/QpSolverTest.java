package io.hfthot.quant.qp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.SolverStatus;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

/** {@link QpSolver} against closed forms, certificates of infeasibility and unboundedness, and its validation. */
class QpSolverTest {

    @Test
    void equalityConstrainedProgramMatchesTheKktSystemSolvedByLu() {
        Random rnd = new Random(7);
        int n = 12;
        int m = 4;
        RandomPrograms.Instance base = RandomPrograms.feasible(7, n, 0, true);
        double[][] p = base.qp().quadratic();
        double[] q = base.qp().linear();
        QuadraticProgram.Builder b = QuadraticProgram.builder(n).quadratic(p).linear(q);
        double[][] k = new double[n + m][n + m];
        double[] rhs = new double[n + m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(p[i], 0, k[i], 0, n);
            rhs[i] = -q[i];
        }
        for (int r = 0; r < m; r++) {
            double[] a = new double[n];
            for (int j = 0; j < n; j++) {
                a[j] = rnd.nextGaussian();
                k[n + r][j] = a[j];
                k[j][n + r] = a[j];
            }
            rhs[n + r] = rnd.nextGaussian();
            b.equality(a, rhs[n + r]);
        }
        double[] exact = new LUDecomposition(new Array2DRowRealMatrix(k)).getSolver()
                .solve(new ArrayRealVector(rhs)).toArray();
        QpResult r = QpSolver.solve(b.build());
        assertEquals(SolverStatus.CONVERGED, r.status());
        for (int j = 0; j < n; j++) {
            assertEquals(exact[j], r.x()[j], 1e-10 * Math.max(1, Math.abs(exact[j])), "x" + j);
        }
        for (int i = 0; i < m; i++) {
            // The KKT system above has +A'y in the first block row, the solver's convention too.
            assertEquals(exact[n + i], r.constraintMultipliers()[i], 1e-9 * Math.max(1, Math.abs(exact[n + i])));
        }
    }

    @Test
    void projectionOntoTheSimplexMatchesTheSortingAlgorithm() {
        Random rnd = new Random(3);
        int n = 40;
        double[] c = new double[n];
        double[][] eye = new double[n][n];
        double[] q = new double[n];
        double[] ones = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = rnd.nextGaussian();
            eye[i][i] = 1;
            q[i] = -c[i];
            ones[i] = 1;
        }
        QpResult r = QpSolver.solve(QuadraticProgram.builder(n).quadratic(eye).linear(q).equality(ones, 1)
                .bounds(new double[n], null).build());
        assertEquals(SolverStatus.CONVERGED, r.status());
        // Held et al. / Duchi et al.: x = max(c - tau, 0) with tau from the sorted values.
        double[] sorted = c.clone();
        Arrays.sort(sorted);
        double sum = 0;
        double tau = 0;
        for (int k = 1; k <= n; k++) {
            sum += sorted[n - k];
            double t = (sum - 1) / k;
            if (sorted[n - k] - t > 0) {
                tau = t;
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(Math.max(c[i] - tau, 0), r.x()[i], 1e-12, "x" + i);
        }
    }

    @Test
    void linearProgramReachesTheVertexWithItsShadowPrices() {
        // min -x1 - x2, x1 + 2 x2 <= 4, 3 x1 + x2 <= 6, x >= 0: vertex (1.6, 1.2), shadow prices (0.4, 0.2).
        QpResult r = QpSolver.solve(QuadraticProgram.builder(2).linear(new double[] {-1, -1})
                .constraint(new double[] {1, 2}, Double.NEGATIVE_INFINITY, 4)
                .constraint(new double[] {3, 1}, Double.NEGATIVE_INFINITY, 6)
                .bounds(new double[2], null).build());
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertEquals(1.6, r.x()[0], 1e-12);
        assertEquals(1.2, r.x()[1], 1e-12);
        assertEquals(0.4, r.constraintMultipliers()[0], 1e-12);
        assertEquals(0.2, r.constraintMultipliers()[1], 1e-12);
        assertEquals(-2.8, r.objective(), 1e-12);
    }

    @Test
    void contradictoryRowsAreReportedInfeasible() {
        QpResult r = QpSolver.solve(QuadraticProgram.builder(2).quadratic(new double[][] {{1, 0}, {0, 1}})
                .constraint(new double[] {1, 1}, 2, Double.POSITIVE_INFINITY)
                .constraint(new double[] {1, 1}, Double.NEGATIVE_INFINITY, 1).build());
        assertEquals(SolverStatus.INFEASIBLE, r.status());
        assertTrue(r.primalResidual() > 0.1);
    }

    @Test
    void boundsThatCannotMeetAnEqualityAreReportedInfeasible() {
        QpResult r = QpSolver.solve(QuadraticProgram.builder(3).quadratic(new double[][] {{1, 0, 0}, {0, 1, 0},
                {0, 0, 1}}).equality(new double[] {1, 1, 1}, 4).bounds(new double[3], new double[] {1, 1, 1}).build());
        assertEquals(SolverStatus.INFEASIBLE, r.status());
    }

    @Test
    void aCostFallingWithoutLimitIsReportedUnbounded() {
        QpResult r = QpSolver.solve(QuadraticProgram.builder(2).quadratic(new double[][] {{1, 0}, {0, 0}})
                .linear(new double[] {0, -1}).bounds(new double[2], null).build());
        assertEquals(SolverStatus.UNBOUNDED, r.status());
    }

    @Test
    void aWarmStartFromTheSolutionGivesTheSameAnswerInFewerIterations() {
        RandomPrograms.Instance inst = RandomPrograms.feasible(11, 20, 25, true);
        QpResult cold = QpSolver.solve(inst.qp());
        QpResult warm = QpSolver.solve(inst.qp(), cold);
        assertEquals(SolverStatus.CONVERGED, warm.status());
        assertTrue(warm.iterations() <= cold.iterations(), warm.iterations() + " vs " + cold.iterations());
        for (int j = 0; j < 20; j++) {
            assertEquals(cold.x()[j], warm.x()[j], 1e-9);
        }
    }

    @Test
    void anInterruptedSolveStopsWithCancelled() {
        RandomPrograms.Instance inst = RandomPrograms.feasible(5, 20, 25, false);
        Thread.currentThread().interrupt();
        try {
            assertEquals(SolverStatus.CANCELLED, QpSolver.solve(inst.qp()).status());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void misuseNamesTheParameter() {
        assertParameter("variables", () -> QuadraticProgram.builder(0));
        assertParameter("quadratic", () -> QuadraticProgram.builder(2).quadratic(new double[][] {{1, 0}, {0, -1}}));
        assertParameter("quadratic", () -> QuadraticProgram.builder(2).quadratic(new double[][] {{1, 2}, {0, 1}}));
        assertParameter("linear", () -> QuadraticProgram.builder(2).linear(new double[] {1, Double.NaN}));
        assertParameter("coefficients", () -> QuadraticProgram.builder(2).constraint(new double[] {1}, 0, 1));
        assertParameter("constraintLower", () -> QuadraticProgram.builder(2).constraint(new double[] {1, 1}, 2, 1));
        assertParameter("rhs", () -> QuadraticProgram.builder(2).equality(new double[] {1, 1}, Double.NaN));
        assertParameter("lowerBounds", () -> QuadraticProgram.builder(1).bounds(new double[] {2}, new double[] {1})
                .build());
        QuadraticProgram small = QuadraticProgram.builder(1).build();
        QpResult other = QpSolver.solve(QuadraticProgram.builder(2).bounds(new double[2], new double[] {1, 1}).build());
        assertParameter("warmStart", () -> QpSolver.solve(small, other));
    }

    private static void assertParameter(String name, Runnable call) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, call::run);
        assertEquals(name, e.parameter(), e.getMessage());
    }
}
