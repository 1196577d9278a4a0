package io.hfthot.quant.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.SolverStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group limits and turnover on small cases with known answers, infeasible sets, and misuse. */
class ConstrainedPortfolioTest {
    private static final double[][] SIGMA = {{0.04, 0.006}, {0.006, 0.09}};

    private static PortfolioProblem.Builder two() {
        return PortfolioProblem.builder(List.of("A", "B")).covariance(SIGMA).expectedReturns(new double[] {0.05, 0.08});
    }

    @Test
    void aBindingCapOnTwoAssetsLeavesTheRestToTheOther() {
        // Unconstrained minimum variance puts (0.09 - 0.006) / (0.04 + 0.09 - 0.012) = 0.7119 on A.
        PortfolioResult r = PortfolioOptimizers.byName("min_variance")
                .optimize(two().groupLimit("cap A", List.of("A"), 0, 0.3).build());
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertArrayEquals(new double[] {0.3, 0.7}, r.weights(), 1e-12);
        assertEquals(0.5 * (0.09 * 0.04 + 2 * 0.21 * 0.006 + 0.49 * 0.09), r.objective(), 1e-14);
    }

    @Test
    void aTurnoverBudgetMovesTheWeightsOnlySoFar() {
        // From (1, 0), minimum variance wants 0.7119 on A: a budget of 0.2 (0.1 sold, 0.1 bought) stops at (0.9, 0.1).
        PortfolioResult r = PortfolioOptimizers.byName("min_variance")
                .optimize(two().turnoverLimit(new double[] {1, 0}, 0.2).build());
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertArrayEquals(new double[] {0.9, 0.1}, r.weights(), 1e-12);
        PortfolioResult frozen = PortfolioOptimizers.byName("cara")
                .optimize(two().turnoverLimit(new double[] {0.25, 0.75}, 0).build());
        assertEquals(SolverStatus.CONVERGED, frozen.status());
        assertArrayEquals(new double[] {0.25, 0.75}, frozen.weights(), 1e-12);
    }

    @Test
    void contradictoryLimitsAreReportedInfeasibleByEveryMethod() {
        PortfolioProblem p = two().groupLimit("A", List.of("A"), 0.7, 1).groupLimit("B", List.of("B"), 0.7, 1)
                .build();
        for (String method : List.of("cara", "min_variance", "max_sharpe")) {
            assertEquals(SolverStatus.INFEASIBLE, PortfolioOptimizers.byName(method).optimize(p).status(), method);
        }
        for (PortfolioResult point : EfficientFrontier.compute(p, 5)) {
            assertEquals(SolverStatus.INFEASIBLE, point.status());
        }
        PortfolioProblem noBudget = two().turnoverLimit(new double[] {0.2, 0.2}, 0.1).build();
        assertEquals(SolverStatus.INFEASIBLE, PortfolioOptimizers.byName("min_variance").optimize(noBudget).status());
    }

    /**
     * From equal weights, a cap of 0.15 on a sector holding 0.5 needs 0.35 sold and 0.35 bought: a turnover of 0.7
     * at least. Just below that budget every method reports INFEASIBLE (the instance behind a CI failure had 0.66);
     * just above it the set is a thin sliver and every method converges to ojAlgo's optimum inside it.
     */
    @Test
    void aTurnoverBudgetJustBelowTheCheapestRebalancingIsInfeasibleAndJustAboveItIsNot() {
        for (String method : List.of("cara", "min_variance", "max_sharpe")) {
            assertEquals(SolverStatus.INFEASIBLE, PortfolioOptimizers.byName(method)
                    .optimize(cappedSector(0.699).build()).status(), method);
        }
        for (PortfolioResult point : EfficientFrontier.compute(cappedSector(0.699).build(), 4)) {
            assertEquals(SolverStatus.INFEASIBLE, point.status());
        }
        double budget = 0.701;
        PortfolioProblem p = cappedSector(budget).build();
        for (String method : List.of("cara", "min_variance", "max_sharpe")) {
            PortfolioResult r = PortfolioOptimizers.byName(method).optimize(p);
            assertEquals(SolverStatus.CONVERGED, r.status(), method);
            double[] w = r.weights();
            double turnover = 0;
            double sum = 0;
            for (double wi : w) {
                assertTrue(wi >= -1e-9, method + " long only");
                turnover += Math.abs(wi - 0.25);
                sum += wi;
            }
            assertEquals(1.0, sum, 1e-9, method);
            assertTrue(w[0] + w[3] <= 0.15 + 1e-9, method + " sector cap");
            assertTrue(turnover <= budget + 1e-9, method + " turnover " + turnover);
            if (!method.equals("max_sharpe")) {
                double gamma = method.equals("cara") ? p.gamma() : 1.0;
                double[] mu = method.equals("cara") ? p.expectedReturns() : new double[4];
                double[] ref = OjAlgoReference.constrained(p.covariance(), mu, gamma, p.lowerBounds(),
                        p.upperBounds(), p.linearConstraints(), p.turnoverLimit().orElseThrow().currentWeights(), budget, null,
                        Double.NaN);
                assertArrayEquals(ref, w, 1e-6, method);
            }
        }
    }

    /** Four long-only assets held at 0.25 each, A and D capped at 0.15 together, with a turnover budget. */
    private static PortfolioProblem.Builder cappedSector(double budget) {
        double[][] sigma = {{0.054, 0.031, 0.024, 0.017}, {0.031, 0.072, 0.025, 0.004}, {0.024, 0.025, 0.035, 0.007},
                {0.017, 0.004, 0.007, 0.042}};
        return PortfolioProblem.builder(List.of("A", "B", "C", "D")).covariance(sigma)
                .expectedReturns(new double[] {0.06, 0.05, 0.04, 0.07}).bounds(new double[4], null)
                .groupLimit("AD", List.of("A", "D"), 0, 0.15)
                .turnoverLimit(new double[] {0.25, 0.25, 0.25, 0.25}, budget);
    }

    @Test
    void maxSharpeWithoutAPositiveExcessReturnIsInfeasible() {
        PortfolioProblem p = PortfolioProblem.builder(List.of("A", "B")).covariance(SIGMA)
                .expectedReturns(new double[] {-0.01, -0.02}).bounds(new double[2], null).build();
        assertEquals(SolverStatus.INFEASIBLE, PortfolioOptimizers.byName("max_sharpe").optimize(p).status());
    }

    @Test
    void methodsWithoutConstraintsRefuseThemByName() {
        PortfolioProblem grouped = two().groupLimit("cap A", List.of("A"), 0, 0.3).build();
        PortfolioProblem turnover = two().turnoverLimit(new double[] {0.5, 0.5}, 0.1).build();
        for (String method : List.of("risk_parity", "sparse_l1", "hrp")) {
            assertParameter("linearConstraints", () -> PortfolioOptimizers.byName(method).optimize(grouped));
            assertParameter("turnoverLimit", () -> PortfolioOptimizers.byName(method).optimize(turnover));
        }
    }

    @Test
    void badConstraintsNameTheirField() {
        assertParameter("members", () -> two().groupLimit("g", List.of("C"), 0, 1).build());
        assertParameter("members", () -> two().groupLimit("g", List.of("A", "A"), 0, 1).build());
        assertParameter("members", () -> two().groupLimit("g", List.of(), 0, 1).build());
        assertParameter("min", () -> two().groupLimit("g", List.of("A"), 0.5, 0.4));
        assertParameter("max", () -> two().groupLimit("g", List.of("A"), 0, Double.NaN));
        assertParameter("name", () -> two().groupLimit(" ", List.of("A"), 0, 1));
        assertParameter("coefficients", () -> two().linearConstraint(new LinearConstraint("c", new double[] {1}, 0, 1))
                .build());
        assertParameter("coefficients", () -> new LinearConstraint("c", new double[] {1, Double.NaN}, 0, 1));
        assertParameter("maxTurnover", () -> two().turnoverLimit(new double[] {0.5, 0.5}, -0.1));
        assertParameter("currentWeights", () -> two().turnoverLimit(new double[] {1}, 0.1).build());
        assertParameter("currentWeights", () -> two().turnoverLimit(null, 0.1));
    }

    @Test
    void constraintsAreKeptInOrderAndResolved() {
        PortfolioProblem p = two().groupLimit("cap A", List.of("A"), 0, 0.3)
                .linearConstraint(new LinearConstraint("tilt", new double[] {1, -1}, -0.5, 0.5))
                .turnoverLimit(new double[] {0.5, 0.5}, 0.4).build();
        assertEquals(2, p.linearConstraints().size());
        assertArrayEquals(new double[] {1, 0}, p.linearConstraints().get(0).coefficients());
        assertEquals("tilt", p.linearConstraints().get(1).name());
        assertTrue(p.turnoverLimit().isPresent());
        assertEquals(0.4, p.turnoverLimit().get().maxTurnover());
    }

    private static void assertParameter(String name, Runnable call) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, call::run);
        assertEquals(name, e.parameter(), e.getMessage());
    }
}
