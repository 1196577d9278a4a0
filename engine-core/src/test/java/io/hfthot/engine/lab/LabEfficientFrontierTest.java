package io.hfthot.engine.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.lab.api.FrontierPoint;
import io.hfthot.engine.lab.api.OptimizeRequest;
import io.hfthot.engine.lab.api.OptimizeResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code method=efficient_frontier} of {@code POST /v1/portfolio/optimize}: its points checked against the closed
 * form of the two-asset frontier, its validation, and the history path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabEfficientFrontierTest {
    private static final List<String> TWO = List.of("A", "B");
    /** Variances 0.04 and 0.09, covariance 0.006 (correlation 0.1). */
    private static final List<List<Double>> COV = List.of(List.of(0.04, 0.006), List.of(0.006, 0.09));
    private static final List<Double> MU = List.of(0.05, 0.12);

    @TempDir
    static Path dir;

    private LabService lab;
    private final Principal pro = LabFixtures.caller(Tier.PROFESSIONAL);

    @BeforeAll
    void start() {
        lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, LabFixtures.SEED),
                new TestClock(LabFixtures.START), null);
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @Test
    void explicitFrontierMatchesTheTwoAssetClosedForm() {
        OptimizeResponse r = lab.optimize(pro, new OptimizeRequest("efficient_frontier", TWO, null, null, null, MU, COV, 5));
        assertEquals("efficient_frontier", r.method());
        assertEquals("CONVERGED", r.status());
        List<FrontierPoint> points = r.frontier();
        assertEquals(5, points.size());
        // Two assets: the budget fixes w_B = 1 - w_A, so each target return r has exactly one portfolio,
        // w_A = (mu_B - r) / (mu_B - mu_A), and the minimum-variance one has w_A = (s_B^2 - s_AB) / (s_A^2 + s_B^2 - 2 s_AB).
        double gmvA = (0.09 - 0.006) / (0.04 + 0.09 - 2 * 0.006);
        assertEquals(gmvA, points.get(0).weights().get("A"), 1e-10, "the first point is the global minimum variance");
        assertEquals(points.get(0).weights(), r.weights(), "weights are the first point's");
        double previous = Double.NEGATIVE_INFINITY;
        for (FrontierPoint p : points) {
            double wA = p.weights().get("A");
            double wB = p.weights().get("B");
            assertEquals(1.0, wA + wB, 1e-10, "fully invested");
            assertEquals((0.12 - p.expectedReturn()) / (0.12 - 0.05), wA, 1e-9, "the only portfolio with that return");
            double variance = wA * wA * 0.04 + wB * wB * 0.09 + 2 * wA * wB * 0.006;
            assertEquals(Math.sqrt(variance), p.volatility(), 1e-10);
            assertTrue(p.expectedReturn() > previous, "points rise in expected return");
            assertTrue(p.residual() < 1e-8, "KKT residual " + p.residual());
            previous = p.expectedReturn();
        }
        assertEquals(0.12, points.get(4).expectedReturn(), 1e-10, "the last target is the best asset's return");
    }

    @Test
    void otherMethodsHaveNoFrontier() {
        OptimizeResponse r = lab.optimize(pro, new OptimizeRequest("cara", TWO, null, null, null, MU, COV));
        assertNull(r.frontier());
    }

    @Test
    void historyFrontierUsesTheLakehousesDailyReturns() {
        OptimizeResponse r = lab.optimize(pro, new OptimizeRequest("efficient_frontier",
                List.of("BTC-USDT", "ETH-USDT", "SOL-USDT"), 30, null, null, null, null, null));
        assertEquals(20, r.frontier().size(), "20 points by default");
        assertEquals("lakehouse", r.diagnostics().inputs());
        for (FrontierPoint p : r.frontier()) {
            assertEquals(1.0, p.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        }
    }

    @Test
    void badFrontierInputNamesTheParameter() {
        assertInvalid("points", new OptimizeRequest("efficient_frontier", TWO, null, null, null, MU, COV, 1));
        assertInvalid("points", new OptimizeRequest("efficient_frontier", TWO, null, null, null, MU, COV, 201));
        assertInvalid("points", new OptimizeRequest("cara", TWO, null, null, null, MU, COV, 5));
        assertInvalid("expected_returns", new OptimizeRequest("efficient_frontier", TWO, null, null, null, null, COV, 5));
        assertInvalid("symbols", new OptimizeRequest("efficient_frontier", List.of("A"), null, null, null,
                List.of(0.1), List.of(List.of(0.04)), 5));
        assertInvalid("method", new OptimizeRequest("frontier", TWO, null, null, null, MU, COV, null));
    }

    private void assertInvalid(String parameter, OptimizeRequest request) {
        EngineException e = assertThrows(EngineException.class, () -> lab.optimize(pro, request));
        assertEquals(ErrorCode.INVALID_PARAMS, e.code(), e.getMessage());
        assertEquals(parameter, e.parameter().orElseThrow(), e.getMessage());
    }
}
