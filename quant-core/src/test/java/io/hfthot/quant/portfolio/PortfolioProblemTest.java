package io.hfthot.quant.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.stats.LedoitWolfCovariance;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PortfolioProblemTest {
    private static final double[][] ID2 = {{1, 0}, {0, 1}};

    private static void assertRejected(PortfolioProblem.Builder b, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "'" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    private static PortfolioProblem.Builder two() {
        return PortfolioProblem.builder(List.of("A", "B")).covariance(ID2).expectedReturns(new double[] {0.1, 0.2});
    }

    @Test
    void rejectsNonSymmetricCovariance() {
        assertRejected(two().covariance(new double[][] {{1, 0.5}, {0.2, 1}}), "covariance", "symmetric", "0.5");
    }

    @Test
    void rejectsIndefiniteCovariance() {
        assertRejected(two().covariance(new double[][] {{1, 2}, {2, 1}}), "covariance", "positive semidefinite");
        assertRejected(two().covariance(new double[][] {{-1, 0}, {0, 1}}), "covariance[0][0]", "-1.0");
    }

    @Test
    void rejectsNaNAndMismatchedDimensions() {
        assertRejected(two().covariance(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}), "covariance", "NaN");
        assertRejected(two().expectedReturns(new double[] {0.1, Double.NaN}), "expectedReturns[1]", "NaN");
        assertRejected(two().expectedReturns(new double[] {0.1}), "expectedReturns", "length 2", "1");
        assertRejected(two().covariance(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}), "covariance", "2 rows", "3");
        assertRejected(two().covariance(null), "covariance");
    }

    @Test
    void rejectsBadParameters() {
        assertRejected(two().gamma(0), "gamma", "0.0");
        assertRejected(two().gamma(-1), "gamma", "-1.0");
        assertRejected(two().gamma(Double.NaN), "gamma", "NaN");
        assertRejected(two().rho(-0.01), "rho", "-0.01");
        assertRejected(two().ridge(-1), "ridge");
        assertRejected(two().riskBudgets(new double[] {1, 0}), "riskBudgets[1]", "0.0");
    }

    @Test
    void rejectsBadSymbolsAndBounds() {
        assertRejected(PortfolioProblem.builder(List.of("A", "A")).covariance(ID2), "unique", "A");
        assertRejected(PortfolioProblem.builder(List.of()).covariance(ID2), "symbols");
        assertRejected(two().bounds(new double[] {0.6, 0.6}, null), "sum(lowerBounds)", "1.2");
        assertRejected(two().bounds(null, new double[] {0.3, 0.3}), "sum(upperBounds)", "0.6");
        assertRejected(two().bounds(new double[] {0.5, 0}, new double[] {0.4, 1}), "lowerBounds[0]", "0.5");
    }

    @Test
    void singularCovarianceIsAcceptedWithItsRankAndRidgeRegularises() {
        double[][] s = {{1, 1}, {1, 1}};
        PortfolioProblem p = two().covariance(s).build();
        assertEquals(1, p.numericalRank());
        PortfolioProblem r = two().covariance(s).ridge(0.01).build();
        assertEquals(2, r.numericalRank());
        assertEquals(1.01, r.covariance()[0][0], 0.0);
    }

    @Test
    void estimatesFromReturnsAndAnnualises() {
        Random rnd = new Random(1);
        double[][] ret = new double[30][3];
        for (double[] row : ret) {
            for (int i = 0; i < 3; i++) {
                row[i] = 0.001 + 0.01 * rnd.nextGaussian();
            }
        }
        PortfolioProblem p = PortfolioProblem.builder(List.of("A", "B", "C"))
                .estimateFrom(ret, LedoitWolfCovariance.constantCorrelation(), 252).build();
        double mean = 0;
        for (double[] row : ret) {
            mean += row[0];
        }
        assertEquals(mean / 30 * 252, p.expectedReturns()[0], 1e-12);
        assertTrue(p.hasExpectedReturns());
        assertRejected(PortfolioProblem.builder(List.of("A", "B")), "covariance");
        assertThrows(IllegalArgumentException.class, () -> PortfolioProblem.builder(List.of("A", "B"))
                .estimateFrom(ret, LedoitWolfCovariance.constantCorrelation(), 252));
    }
}
