package io.hfthot.quant.marketmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class GlftExactTest extends QuotingModelContract {

    @Override
    QuotingModel model() {
        return new GlftExact();
    }

    private static double alpha(QuoteRequest r) {
        return 0.5 * r.intensityK() * r.riskAversion() * r.volatility() * r.volatility();
    }

    private static double eta(QuoteRequest r) {
        double g = r.riskAversion();
        double k = r.intensityK();
        return r.intensityA() * Math.pow(1 + g / k, -(1 + k / g));
    }

    /** exp(-M tau) 1 through commons-math3's eigen-decomposition of the full (2Q+1) matrix. */
    private static double[] commonsMath(QuoteRequest r) {
        int limit = r.maxInventory();
        int n = 2 * limit + 1;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            double q = i - limit;
            m[i][i] = alpha(r) * q * q;
            if (i + 1 < n) {
                m[i][i + 1] = -eta(r);
                m[i + 1][i] = -eta(r);
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(m));
        double[] lambda = eig.getRealEigenvalues();
        RealMatrix v = eig.getV();
        double min = Double.POSITIVE_INFINITY;
        for (double l : lambda) {
            min = Math.min(min, l);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                double proj = 0;
                for (int k = 0; k < n; k++) {
                    proj += v.getEntry(k, j);
                }
                s += v.getEntry(i, j) * proj * Math.exp(-(lambda[j] - min) * r.timeLeft());
            }
            out[i] = s;
        }
        return normalise(out);
    }

    /**
     * exp(-M tau) 1 by uniformisation: with c = max M_ii + 2 eta, P = I - M / c has non-negative entries and
     * exp(-M tau) = exp(-c tau) sum_n (c tau)^n / n! P^n. Every term is non-negative, so each entry is accurate
     * to rounding relative to itself: an independent method with no cancellation. The common factor
     * exp(-c tau) and the growth of P^n 1 are removed by rescaling (only ratios matter).
     */
    private static double[] uniformised(QuoteRequest r) {
        int limit = r.maxInventory();
        int n = 2 * limit + 1;
        double a = alpha(r);
        double e = eta(r);
        double c = a * limit * limit + 2 * e;
        double x = c * r.timeLeft();
        double[] term = new double[n];
        double[] next = new double[n];
        double[] total = new double[n];
        java.util.Arrays.fill(term, 1.0);
        java.util.Arrays.fill(total, 1.0);
        int terms = (int) (x + 20 * Math.sqrt(x + 1) + 50);
        double weight = 1;
        for (int k = 1; k <= terms; k++) {
            double max = 0;
            for (int i = 0; i < n; i++) {
                double q = i - limit;
                double s = (1 - a * q * q / c) * term[i];
                if (i > 0) {
                    s += e / c * term[i - 1];
                }
                if (i + 1 < n) {
                    s += e / c * term[i + 1];
                }
                next[i] = s;
                max = Math.max(max, s);
            }
            double[] t = term;
            term = next;
            next = t;
            weight *= x / k;
            if (max * weight > 1e100) {
                for (int i = 0; i < n; i++) {
                    term[i] /= max;
                    total[i] /= max * weight;
                }
                weight = 1;
            }
            for (int i = 0; i < n; i++) {
                total[i] += weight * term[i];
            }
        }
        return normalise(total);
    }

    private static double[] normalise(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, x);
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= max;
        }
        return v;
    }

    @Test
    void matrixExponentialMatchesCommonsMathAndUniformisation() {
        for (double tau : new double[] {0, 1, 30, 600}) {
            QuoteRequest r = request().withTimeLeft(tau);
            double[] ours = new GlftExact().scaledValueVector(r);
            double[] theirs = commonsMath(r);
            double[] positive = uniformised(r);
            for (int i = 0; i < ours.length; i++) {
                assertEquals(theirs[i], ours[i], 1e-9 * theirs[i] + 1e-13, "tau=" + tau + " i=" + i);
                assertEquals(positive[i], ours[i], 1e-9 * positive[i], "tau=" + tau + " i=" + i);
            }
        }
    }

    @Test
    void atTheHorizonBothQuotesAreTheIntensityTerm() {
        QuoteRequest r = request().withTimeLeft(0).withInventory(4);
        Quote q = new GlftExact().quote(r);
        double c = Math.log1p(r.riskAversion() / r.intensityK()) / r.riskAversion();
        assertEquals(c, q.bidOffset(), 1e-12);
        assertEquals(c, q.askOffset(), 1e-12);
    }

    @Test
    void closeToTheAsymptoticFormulaForLargeQAndLongHorizons() {
        // The paper's example: sigma = 0.3, A = 0.9, k = 0.3, gamma = 0.01; sqrt(alpha / eta) = 0.02 makes
        // the lattice fine, Q = 50 keeps the limits far, two hours is long against 1 / gap = 43 s.
        QuoteRequest r = new QuoteRequest(100, 0, 0.3, 7200, 0.01, 0.9, 0.3, 50);
        GlftExact exact = new GlftExact();
        GlftAsymptotic asymptotic = new GlftAsymptotic();
        double w = GlftAsymptotic.skewPerLot(r);
        for (int q = -10; q <= 10; q++) {
            Quote e = exact.quote(r.withInventory(q));
            Quote a = asymptotic.quote(r.withInventory(q));
            // Within 0.1% of the offset and 5% of the per-lot skew (the Gaussian ground state is exact only as
            // the lattice becomes continuous; the gap grows slowly with |q|).
            assertEquals(a.bidOffset(), e.bidOffset(), Math.min(0.05 * w, 1e-3 * a.bidOffset()), "bid q=" + q);
            assertEquals(a.askOffset(), e.askOffset(), Math.min(0.05 * w, 1e-3 * a.askOffset()), "ask q=" + q);
        }
    }

    @Test
    void refusesWhatItCannotPrice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GlftExact().quote(request().withInventory(0.5)));
        assertTrue(e.getMessage().contains("inventory"));
        assertThrows(IllegalArgumentException.class, () -> new GlftExact().quote(request().withInventory(11)));
        // Deep tail of a stiff lattice after a long time: v_Q / v_0 is far below 1e-16.
        QuoteRequest stiff = new QuoteRequest(100, 60, 2, 10_000, 0.5, 0.9, 0.3, 60);
        assertThrows(ArithmeticException.class, () -> new GlftExact().quote(stiff));
    }

    @Test
    void cacheFollowsTheParameters() {
        GlftExact model = new GlftExact();
        QuoteRequest a = request().withInventory(3);
        QuoteRequest b = request().withInventory(3).withMaxInventory(12);
        Quote first = model.quote(a);
        Quote other = model.quote(b);
        assertEquals(first, model.quote(a));
        assertEquals(other, new GlftExact().quote(b));
        // More parameter sets than cache slots: every answer still matches a fresh model.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < GlftExact.CACHE_SIZE + 2; i++) {
                QuoteRequest r = new QuoteRequest(100, 2, 0.1 + 0.05 * i, 300, 0.05, 0.9, 0.3, 10);
                assertEquals(new GlftExact().quote(r), model.quote(r));
            }
        }
    }
}
