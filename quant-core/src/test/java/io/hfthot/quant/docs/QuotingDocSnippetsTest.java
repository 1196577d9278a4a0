package io.hfthot.quant.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.marketmaking.AvellanedaStoikov;
import io.hfthot.quant.marketmaking.AvellanedaStoikovRequest;
import io.hfthot.quant.marketmaking.GlftExact;
import io.hfthot.quant.marketmaking.MarketMakerQuoting;
import io.hfthot.quant.marketmaking.MarketMakerSettings;
import io.hfthot.quant.marketmaking.Quote;
import io.hfthot.quant.marketmaking.QuoteRequest;
import io.hfthot.quant.marketmaking.QuotingCalibration;
import io.hfthot.quant.marketmaking.VolState;
import org.junit.jupiter.api.Test;

/** The code of {@code docs/quoting.md}, run (see {@link DocSnippetsTest}). */
class QuotingDocSnippetsTest {
    @Test
    void requestsAndQuotes() {
        // snippet:start
        // Avellaneda-Stoikov needs no fill intensity A; the inventory limit is optional.
        AvellanedaStoikovRequest as = AvellanedaStoikovRequest.builder()
                .mid(100).inventory(3).volatility(0.3).timeLeft(600).riskAversion(0.01).intensityK(0.3)
                .build();
        Quote asQuote = new AvellanedaStoikov().quote(as);

        // The GLFT models use A and the inventory limit Q: QuoteRequest names all eight parameters.
        QuoteRequest glft = QuoteRequest.builder()
                .mid(100).inventory(10).volatility(0.3).timeLeft(600).riskAversion(0.01)
                .intensityA(0.9).intensityK(0.3).maxInventory(10)
                .build();
        Quote full = new GlftExact().quote(glft);
        if (!full.hasBid()) {
            System.out.println("no bid: " + full.noBidReason()); // inventory limit reached: ...
        }
        // snippet:end
        assertTrue(asQuote.hasBid() && asQuote.hasAsk());
        assertFalse(full.hasBid());
        assertEquals("inventory limit reached: inventory 10.0 + 1 lot would exceed the limit 10", full.noBidReason());
        assertTrue(full.hasAsk());
    }

    @Test
    void theBotMapping() {
        double midpoint = 2500.0;
        double inventoryShares = 0.02;
        // snippet:start
        MarketMakerSettings bot = new MarketMakerSettings(0.005, 10, 50, VolState.parse("LOW_VOL"));
        QuoteRequest r = MarketMakerQuoting.request(bot, QuotingCalibration.defaults(), midpoint, inventoryShares);
        Quote q = MarketMakerQuoting.withSpreadFloor(new GlftExact(), bot).quote(r);
        // snippet:end
        assertTrue(q.hasBid() && q.hasAsk() && q.bidPrice() < midpoint && q.askPrice() > midpoint);
    }
}
