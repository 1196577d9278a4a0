package io.hfthot.quant.mfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MfgProblemTest {

    private static MfgProblem valid() {
        return MfgProblem.withDefaultBounds(5, 1, 0.2, 0.04, 2, 100, 1, 1, 0.5, 100, 50, DifferenceScheme.UPWIND);
    }

    private static void assertRejected(String parameter, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().contains(parameter), () -> "message should name " + parameter + ": " + e.getMessage());
    }

    @Test
    void rejectsBadModelParametersNamingThem() {
        assertRejected("kappa", () -> MfgProblem.withDefaultBounds(5, 0, 0.2, 0.04, 2, 100, 1, 1, 0.5, 100, 50,
                DifferenceScheme.UPWIND));
        assertRejected("kappa", () -> MfgProblem.withDefaultBounds(5, -1, 0.2, 0.04, 2, 100, 1, 1, 0.5, 100, 50,
                DifferenceScheme.UPWIND));
        assertRejected("horizon", () -> MfgProblem.withDefaultBounds(0, 1, 0.2, 0.04, 2, 100, 1, 1, 0.5, 100, 50,
                DifferenceScheme.UPWIND));
        assertRejected("alpha", () -> valid().withAlpha(Double.NaN));
        assertRejected("alpha", () -> valid().withAlpha(-0.1));
        assertRejected("phi", () -> MfgProblem.withDefaultBounds(5, 1, 0.2, Double.NaN, 2, 100, 1, 1, 0.5, 100, 50,
                DifferenceScheme.UPWIND));
        assertRejected("terminalPenalty", () -> MfgProblem.withDefaultBounds(5, 1, 0.2, 0.04,
                Double.POSITIVE_INFINITY, 100, 1, 1, 0.5, 100, 50, DifferenceScheme.UPWIND));
        assertRejected("initialStd", () -> MfgProblem.withDefaultBounds(5, 1, 0.2, 0.04, 2, 100, 1, 1, 0, 100, 50,
                DifferenceScheme.UPWIND));
        assertRejected("initialPrice", () -> MfgProblem.withDefaultBounds(5, 1, 0.2, 0.04, 2, Double.NaN, 1, 1,
                0.5, 100, 50, DifferenceScheme.UPWIND));
    }

    @Test
    void rejectsBadGridsNamingThem() {
        assertRejected("timeSteps", () -> valid().withGrid(0, 50));
        assertRejected("inventoryNodes", () -> valid().withGrid(100, 2));
        assertRejected("inventoryNodes", () -> valid().withGrid(100, -5));
        assertRejected("inventoryMax", () -> new MfgProblem(5, 1, 0.2, 0.04, 2, 100, 1, 0, 0.5, 1, 1, 10, 10,
                DifferenceScheme.UPWIND));
        assertRejected("initialMean", () -> new MfgProblem(5, 1, 0.2, 0.04, 2, 100, 1, 3, 0.5, -1, 1, 10, 10,
                DifferenceScheme.UPWIND));
        assertRejected("scheme", () -> valid().withScheme(null));
        assertRejected("timeSteps * inventoryNodes", () -> valid().withGrid(100_000, 1000));
    }

    @Test
    void defaultBoundsContainTheCrowdAndTheTarget() {
        MfgProblem p = valid();
        assertEquals(-3, p.inventoryMin(), 1e-15);
        assertEquals(4, p.inventoryMax(), 1e-15);
        assertEquals(7.0 / 49, p.dq(), 1e-15);
        assertEquals(0.05, p.dt(), 1e-15);
        assertEquals(p.inventoryMax(), p.inventoryAt(49), 1e-12);
    }

    @Test
    void theBuilderNamesEveryParameterAndDefaultsTheBoundsAndScheme() {
        MfgProblem built = MfgProblem.builder().horizon(5).kappa(1).alpha(0.2).phi(0.04).terminalPenalty(2)
                .initialPrice(100).volatility(1).initialMean(1).initialStd(0.5).grid(100, 50).build();
        assertEquals(MfgProblem.withDefaultBounds(5, 1, 0.2, 0.04, 2, 100, 1, 1, 0.5, 100, 50,
                DifferenceScheme.UPWIND), built);
        MfgProblem bounded = MfgProblem.builder().horizon(5).kappa(1).alpha(0.2).phi(0.04).terminalPenalty(2)
                .initialPrice(100).volatility(1).initialMean(1).initialStd(0.5).grid(100, 50)
                .inventoryBounds(-5, 5).scheme(DifferenceScheme.LAX_FRIEDRICHS).build();
        assertEquals(-5, bounded.inventoryMin());
        assertEquals(DifferenceScheme.LAX_FRIEDRICHS, bounded.scheme());
        assertRejected("phi must be set", () -> MfgProblem.builder().horizon(5).kappa(1).alpha(0.2)
                .terminalPenalty(2).initialPrice(100).volatility(1).initialMean(1).initialStd(0.5).grid(10, 10)
                .build());
        assertRejected("grid(steps, nodes)", () -> MfgProblem.builder().horizon(5).kappa(1).alpha(0.2).phi(0)
                .terminalPenalty(2).initialPrice(100).volatility(1).initialMean(1).initialStd(0.5).build());
    }
}
