package io.hfthot.quant.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

/**
 * Metrics on a five-period series worked out by hand: r = (0.10, -0.05, 0.02, -0.10, 0.05).
 * Value path 1.1, 1.045, 1.0659, 0.95931, 1.0072755; mean 0.004; deviations 0.096, -0.054, 0.016, -0.104,
 * 0.046 with squares summing to 0.02532, so the ddof-1 variance is 0.00633; downside squares 0.0025 + 0.01
 * over 5 periods give a downside deviation of 0.05; the peak 1.1 is followed by the trough 0.95931 = 1.1 * 0.8721.
 */
class PerformanceMetricsTest {
    private static final double[] R = {0.10, -0.05, 0.02, -0.10, 0.05};
    private static final double SQRT252 = Math.sqrt(252);

    @Test
    void matchesHandComputedSeries() {
        PerformanceMetrics m = PerformanceMetrics.compute(R, 252, 0.0, 0.0);
        assertEquals(5, m.periods());
        assertEquals(0.0072755, m.totalReturn(), 1e-15);
        assertEquals(Math.pow(1.0072755, 252.0 / 5) - 1, m.cagr(), 1e-12);
        assertEquals(Math.sqrt(0.00633) * SQRT252, m.annualVolatility(), 1e-14);
        assertEquals(0.004 / Math.sqrt(0.00633) * SQRT252, m.sharpe(), 1e-12);
        assertEquals(0.004 * 252 / (0.05 * SQRT252), m.sortino(), 1e-12);
        assertEquals(-0.1279, m.maxDrawdown(), 1e-15);
        assertEquals(4, m.maxDrawdownDuration());
        assertEquals(m.cagr() / 0.1279, m.calmar(), 1e-12);
        assertEquals(0.6, m.hitRate(), 0.0);
    }

    @Test
    void volatilityAgreesWithCommonsMath() {
        PerformanceMetrics m = PerformanceMetrics.compute(R, 252, 0.0, 0.0);
        assertEquals(new StandardDeviation(true).evaluate(R) * SQRT252, m.annualVolatility(), 1e-14);
    }

    @Test
    void riskFreeRateShiftsSharpeAndSortino() {
        double rf = 0.001;
        PerformanceMetrics m = PerformanceMetrics.compute(R, 252, rf, 0.0);
        // Excess returns 0.099, -0.051, 0.019, -0.101, 0.049: mean 0.003, same ddof-1 deviation as R.
        assertEquals(0.003 / Math.sqrt(0.00633) * SQRT252, m.sharpe(), 1e-12);
        double downside = Math.sqrt((0.051 * 0.051 + 0.101 * 0.101) / 5) * SQRT252;
        assertEquals(0.003 * 252 / downside, m.sortino(), 1e-12);
    }

    @Test
    void drawdownCountsFromTheStartingValue() {
        PerformanceMetrics m = PerformanceMetrics.compute(new double[] {-0.1, 0.05}, 252, 0, 0);
        assertEquals(-0.1, m.maxDrawdown(), 1e-15);
        assertEquals(2, m.maxDrawdownDuration());
        PerformanceMetrics up = PerformanceMetrics.compute(new double[] {0.01, 0.02}, 252, 0, 0);
        assertEquals(0.0, up.maxDrawdown(), 0.0);
        assertTrue(Double.isNaN(up.calmar()));
        assertEquals(Double.POSITIVE_INFINITY, up.sortino());
    }

    @Test
    void turnoverIsAnnualisedPerPeriod() {
        PerformanceMetrics m = PerformanceMetrics.compute(R, 252, 0, 2.5);
        assertEquals(2.5, m.totalTurnover(), 0.0);
        assertEquals(2.5 * 252 / 5, m.annualTurnover(), 1e-12);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PerformanceMetrics.compute(new double[] {0.1, Double.NaN}, 252, 0, 0));
        assertTrue(e.getMessage().contains("returns[1]"));
        assertThrows(IllegalArgumentException.class, () -> PerformanceMetrics.compute(new double[] {-1.5}, 252, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> PerformanceMetrics.compute(R, 0, 0, 0));
    }
}
