package io.hfthot.quant.marketmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@link QuotingModel} contract; every implementation's test extends this class. */
abstract class QuotingModelContract {

    /** The model under test. */
    abstract QuotingModel model();

    /** A request whose inventory will be varied over {@code -Q..Q}; chosen inside the model's resolution. */
    QuoteRequest request() {
        return new QuoteRequest(100, 0, 0.3, 600, 0.05, 0.9, 0.3, 10);
    }

    private Quote at(int q) {
        return model().quote(request().withInventory(q));
    }

    private static double tolerance(double x) {
        return 1e-9 * Math.max(1, Math.abs(x));
    }

    @Test
    void pricesAreMidMinusAndPlusOffsets() {
        QuoteRequest r = request();
        for (int q = -r.maxInventory(); q <= r.maxInventory(); q++) {
            Quote quote = at(q);
            if (quote.hasBid()) {
                assertEquals(r.mid() - quote.bidOffset(), quote.bidPrice(), tolerance(r.mid()));
            }
            if (quote.hasAsk()) {
                assertEquals(r.mid() + quote.askOffset(), quote.askPrice(), tolerance(r.mid()));
            }
        }
    }

    @Test
    void bidAtQEqualsAskAtMinusQ() {
        int limit = request().maxInventory();
        for (int q = -limit + 1; q <= limit - 1; q++) {
            double bid = at(q).bidOffset();
            assertEquals(bid, at(-q).askOffset(), tolerance(bid), "q=" + q);
        }
    }

    @Test
    void quotesAreMonotoneInInventory() {
        int limit = request().maxInventory();
        for (int q = -limit + 1; q < limit - 1; q++) {
            Quote now = at(q);
            Quote longer = at(q + 1);
            assertTrue(longer.bidOffset() >= now.bidOffset() - tolerance(now.bidOffset()), "bid at q=" + q);
            assertTrue(longer.askOffset() <= now.askOffset() + tolerance(now.askOffset()), "ask at q=" + q);
        }
    }

    @Test
    void inventoryLimitRemovesTheSideThatWouldBreachIt() {
        int limit = request().maxInventory();
        Quote full = at(limit);
        assertFalse(full.hasBid());
        assertTrue(full.noBidReason().startsWith("inventory limit reached"), full.noBidReason());
        assertTrue(full.hasAsk());
        assertTrue(Double.isNaN(full.bidPrice()));
        Quote short_ = at(-limit);
        assertTrue(short_.hasBid());
        assertFalse(short_.hasAsk());
        assertTrue(short_.noAskReason().startsWith("inventory limit reached"), short_.noAskReason());
        Quote flat = at(0);
        assertTrue(flat.hasBid() && flat.hasAsk());
        assertTrue(flat.spread() > 0);
    }

    @Test
    void sameRequestSameQuoteWhateverWasAskedBefore() {
        QuoteRequest r = request().withInventory(2);
        QuotingModel warm = model();
        Quote first = warm.quote(r);
        warm.quote(request().withInventory(-3));
        assertEquals(first, warm.quote(r), "earlier requests (and any cached state) do not change the answer");
        assertEquals(first, model().quote(r), "a fresh model gives the same quote");
        assertFalse(warm.name().isBlank());
    }
}
