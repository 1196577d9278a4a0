package io.hfthot.quant.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The hand-written exponential against {@link Math#exp}: within 2 ulp on the arguments the emissions use and beyond. */
class FastExpProperties {
    @Property(tries = 5000)
    void agreesWithMathExpWithinTwoUlp(@ForAll @DoubleRange(min = -745, max = 709) double x) {
        double expected = Math.exp(x);
        double actual = FastExp.exp(x);
        assertTrue(Math.abs(actual - expected) <= 2 * Math.ulp(expected), x + ": " + actual + " vs " + expected);
    }

    @Property(tries = 2000)
    void agreesNearZeroWhereMostEmissionsLie(@ForAll @DoubleRange(min = -5, max = 0) double x) {
        double expected = Math.exp(x);
        assertTrue(Math.abs(FastExp.exp(x) - expected) <= 2 * Math.ulp(expected));
    }

    @Test
    void edgeValues() {
        assertEquals(1.0, FastExp.exp(0.0), 0.0);
        assertEquals(1.0, FastExp.exp(-0.0), 0.0);
        assertEquals(0.0, FastExp.exp(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(Math.exp(-708.5), FastExp.exp(-708.5), 0.0);
        assertEquals(0.0, FastExp.exp(-800), 0.0);
        assertEquals(Math.exp(705), FastExp.exp(705), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, FastExp.exp(800), 0.0);
        for (int i = 0; i <= 70_000; i++) {
            double x = -i * 0.01;
            double expected = Math.exp(x);
            assertTrue(Math.abs(FastExp.exp(x) - expected) <= 2 * Math.ulp(expected), "x = " + x);
        }
    }
}
