package io.hfthot.quant.marketmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlooredQuotingModelTest extends QuotingModelContract {

    @Override
    QuotingModel model() {
        return new FlooredQuotingModel(new AvellanedaStoikov(), 2.0);
    }

    @Test
    void noQuoteIsCloserToTheMidThanTheFloor() {
        QuotingModel floored = model();
        for (int q = -9; q <= 9; q++) {
            Quote quote = floored.quote(request().withInventory(q));
            assertTrue(quote.bidOffset() >= 2.0 && quote.askOffset() >= 2.0);
            assertTrue(quote.spread() >= 4.0);
        }
        Quote raw = new AvellanedaStoikov().quote(request().withInventory(9));
        Quote high = floored.quote(request().withInventory(9));
        assertEquals(raw.bidOffset(), high.bidOffset(), 0, "a wide side is left alone");
        assertThrows(IllegalArgumentException.class, () -> new FlooredQuotingModel(new AvellanedaStoikov(), -1));
        assertEquals("avellaneda-stoikov+floor", floored.name());
    }
}
