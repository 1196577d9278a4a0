package io.hfthot.quant.mfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the closed form against the equation it claims to solve and against Almgren-Chriss. */
class MeanInventoryOdeTest {

    @ParameterizedTest
    @CsvSource({
        "1.0, 0.2, 0.04, 2.0, 5.0, 1.0",
        "0.5, 2.0, 0.10, 0.0, 3.0, -2.0",
        "2.0, 0.0, 0.30, 10.0, 1.0, 1.5",
        "1.0, 0.7, 0.00, 1.0, 4.0, 1.0",
    })
    void solvesTheSecondOrderBoundaryValueProblem(double kappa, double alpha, double phi, double a, double horizon,
            double e0) {
        MeanInventoryOde ode = new MeanInventoryOde(kappa, alpha, phi, a, horizon, e0);
        double scale = Math.abs(e0) / (horizon * horizon);
        double h = 1e-4 * horizon;
        for (int k = 1; k < 20; k++) {
            double t = k * horizon / 20;
            double second = (ode.meanInventory(t + h) - 2 * ode.meanInventory(t) + ode.meanInventory(t - h)) / (h * h);
            double first = (ode.meanInventory(t + h) - ode.meanInventory(t - h)) / (2 * h);
            double residual = 2 * kappa * second + alpha * first - 2 * phi * ode.meanInventory(t);
            assertEquals(0, residual, 1e-5 * Math.max(scale, 1e-3) * (1 + kappa + alpha + phi), "at t=" + t);
            assertEquals(first, ode.meanTradingSpeed(t), 1e-6 * Math.abs(e0) / horizon * 10, "E' at t=" + t);
        }
        assertEquals(e0, ode.meanInventory(0), 1e-14 * Math.abs(e0));
        assertEquals(0, kappa * ode.meanTradingSpeed(horizon) + a * ode.meanInventory(horizon), 1e-12 * Math.abs(e0));
    }

    @Test
    void withoutPermanentImpactItIsAlmgrenChriss() {
        MeanInventoryOde ode = new MeanInventoryOde(1.3, 0, 0.08, 3, 6, 2);
        for (int k = 0; k <= 30; k++) {
            double t = k * 6.0 / 30;
            assertEquals(AlmgrenChriss.inventory(1.3, 0.08, 3, 6, 2, t), ode.meanInventory(t), 1e-12);
        }
    }

    @Test
    void almgrenChrissWithHugeTerminalPenaltyIsTheSinhRatio() {
        double kappa = 2;
        double phi = 0.5;
        double horizon = 3;
        double g = Math.sqrt(phi / kappa);
        for (int k = 0; k <= 10; k++) {
            double t = k * horizon / 10;
            assertEquals(Math.sinh(g * (horizon - t)) / Math.sinh(g * horizon),
                    AlmgrenChriss.inventory(kappa, phi, 1e12, horizon, 1, t), 1e-9);
        }
    }

    @Test
    void almgrenChrissSurvivesLongHorizons() {
        double q = AlmgrenChriss.inventory(1, 1, 1, 2000, 1, 1000);
        assertEquals(Math.exp(-1000), q, 1e-300);
        assertEquals(1, AlmgrenChriss.inventory(1, 1, 1, 2000, 1, 0), 1e-15);
    }

    @Test
    void degenerateCases() {
        MeanInventoryOde idle = new MeanInventoryOde(1, 0.5, 0, 0, 5, 2);
        assertEquals(2, idle.meanInventory(3), 0);
        assertEquals(0, idle.meanTradingSpeed(3), 0);
        MeanInventoryOde linear = new MeanInventoryOde(1, 0, 0, 1, 4, 2);
        assertEquals(2 * (1 - 1.0 / 5), linear.meanInventory(1), 1e-15);
        assertEquals(linear.meanInventory(2), AlmgrenChriss.inventory(1, 0, 1, 4, 2, 2), 1e-15);
    }

    @Test
    void priceFollowsTheMeanInventory() {
        MeanInventoryOde ode = new MeanInventoryOde(1, 0.3, 0.05, 2, 5, 1);
        assertEquals(100 + 0.3 * (ode.meanInventory(2) - 1), ode.price(100, 2), 1e-13);
        assertThrows(IllegalArgumentException.class, () -> new MeanInventoryOde(0, 0.3, 0.05, 2, 5, 1));
    }
}
