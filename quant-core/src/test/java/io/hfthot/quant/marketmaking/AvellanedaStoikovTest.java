package io.hfthot.quant.marketmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AvellanedaStoikovTest extends QuotingModelContract {

    @Override
    QuotingModel model() {
        return new AvellanedaStoikov();
    }

    @Test
    void handComputedQuote() {
        // s = 100, q = 2, gamma = 0.1, sigma = 2, T - t = 1, k = 1.5:
        // gamma sigma^2 tau = 0.4, r = 100 - 2 * 0.4 = 99.2,
        // spread = 0.4 + (2 / 0.1) ln(1 + 0.1 / 1.5) = 0.4 + 20 ln(16/15) = 1.6907704227514236.
        AvellanedaStoikovRequest r = AvellanedaStoikovRequest.builder().mid(100).inventory(2).volatility(2)
                .timeLeft(1).riskAversion(0.1).intensityK(1.5).build();
        assertEquals(99.2, AvellanedaStoikov.reservationPrice(r), 1e-12);
        assertEquals(1.6907704227514236, AvellanedaStoikov.optimalSpread(r), 1e-12);
        Quote q = new AvellanedaStoikov().quote(r);
        assertEquals(q, new AvellanedaStoikov().quote(new QuoteRequest(100, 2, 2, 1, 0.1, 140, 1.5, 10)),
                "the general request gives the same quote; its A is not used");
        assertEquals(98.35461478862429, q.bidPrice(), 1e-12);
        assertEquals(100.04538521137571, q.askPrice(), 1e-12);
        assertEquals(1.6453852113757118, q.bidOffset(), 1e-12);
        assertEquals(0.0453852113757118, q.askOffset(), 1e-12);
        assertEquals(AvellanedaStoikov.optimalSpread(r), q.spread(), 1e-12);
    }

    @Test
    void atTheHorizonOnlyTheIntensityTermRemains() {
        QuoteRequest r = new QuoteRequest(50, 3, 2, 0, 0.5, 1, 2, 10);
        Quote q = new AvellanedaStoikov().quote(r);
        double half = Math.log(1.25) / 0.5;
        assertEquals(half, q.bidOffset(), 1e-14);
        assertEquals(half, q.askOffset(), 1e-14);
    }

    @Test
    void withoutALimitBothSidesAreAlwaysQuotedAndALimitSaysWhyASideIsMissing() {
        AvellanedaStoikovRequest.Builder b = AvellanedaStoikovRequest.builder().mid(100).inventory(1e6)
                .volatility(0.3).timeLeft(600).riskAversion(0.01).intensityK(0.3);
        Quote free = new AvellanedaStoikov().quote(b.build());
        assertTrue(free.hasBid() && free.hasAsk());
        Quote limited = new AvellanedaStoikov().quote(b.inventory(50).maxInventory(50).build());
        assertFalse(limited.hasBid());
        assertEquals("inventory limit reached: inventory 50.0 + 1 lot would exceed the limit 50",
                limited.noBidReason());
        assertEquals("", limited.noAskReason());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AvellanedaStoikovRequest.builder().mid(100).inventory(0).volatility(0.3).timeLeft(1).build());
        assertEquals("riskAversion must be set to a finite number, got NaN", e.getMessage());
    }
}
