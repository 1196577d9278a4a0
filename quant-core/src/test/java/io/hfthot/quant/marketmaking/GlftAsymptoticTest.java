package io.hfthot.quant.marketmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GlftAsymptoticTest extends QuotingModelContract {

    @Override
    QuotingModel model() {
        return new GlftAsymptotic();
    }

    @Test
    void handComputedQuote() {
        // gamma = 0.01, k = 0.3, A = 0.9, sigma = 0.3 (the paper's example), q = 3:
        // c = 100 ln(1 + 1/30) = 3.278982282299097,
        // w = sqrt(0.09 * 0.01 / (2 * 0.3 * 0.9) * (31/30)^31).
        QuoteRequest r = new QuoteRequest(100, 3, 0.3, 0, 0.01, 0.9, 0.3, 30);
        double c = 100 * Math.log(31.0 / 30.0);
        double w = Math.sqrt(0.09 * 0.01 / 0.54 * Math.pow(31.0 / 30.0, 31));
        assertEquals(3.278982282299097, c, 1e-12);
        assertEquals(w, GlftAsymptotic.skewPerLot(r), 1e-14);
        Quote q = new GlftAsymptotic().quote(r);
        assertEquals(c + 3.5 * w, q.bidOffset(), 1e-12);
        assertEquals(c - 2.5 * w, q.askOffset(), 1e-12);
    }
}
