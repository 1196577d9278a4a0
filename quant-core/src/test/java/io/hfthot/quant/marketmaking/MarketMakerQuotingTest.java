package io.hfthot.quant.marketmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarketMakerQuotingTest {

    @Test
    void mapsTheBotParameters() {
        MarketMakerSettings settings = MarketMakerSettings.defaults();
        QuotingCalibration calibration = QuotingCalibration.defaults();
        QuoteRequest r = MarketMakerQuoting.request(settings, calibration, 0.52, 15.0);
        assertEquals(5, r.maxInventory(), "max_position 50 / order_size 10");
        assertEquals(2, r.inventory(), "15 shares round to 2 lots of 10");
        assertEquals(3e-4, r.volatility());
        assertEquals(0.52, r.mid());
        QuoteRequest high = MarketMakerQuoting.request(
                new MarketMakerSettings(0.005, 10, 50, VolState.parse("HIGH_VOL")), calibration, 0.52, 0);
        assertEquals(1.2e-3, high.volatility());
        assertEquals(5, MarketMakerQuoting.request(settings, calibration, 0.5, 999).inventory(),
                "beyond the limit the book is priced at the limit");
    }

    @Test
    void spreadOffsetIsAFloorOnEachSide() {
        MarketMakerSettings settings = new MarketMakerSettings(0.02, 20, 100, VolState.LOW_VOL);
        QuotingModel model = MarketMakerQuoting.withSpreadFloor(new GlftExact(), settings);
        for (int shares = -100; shares <= 100; shares += 20) {
            Quote q = model.quote(MarketMakerQuoting.request(settings, QuotingCalibration.defaults(), 0.5, shares));
            if (q.hasBid()) {
                assertTrue(q.bidOffset() >= 0.02);
            }
            if (q.hasAsk()) {
                assertTrue(q.askOffset() >= 0.02);
            }
        }
    }

    @Test
    void highVolatilityWidensTheSkew() {
        QuotingCalibration c = QuotingCalibration.defaults();
        MarketMakerSettings low = new MarketMakerSettings(0, 10, 50, VolState.LOW_VOL);
        MarketMakerSettings high = new MarketMakerSettings(0, 10, 50, VolState.HIGH_VOL);
        GlftExact model = new GlftExact();
        Quote ql = model.quote(MarketMakerQuoting.request(low, c, 0.5, 30));
        Quote qh = model.quote(MarketMakerQuoting.request(high, c, 0.5, 30));
        assertTrue(qh.bidOffset() - qh.askOffset() > ql.bidOffset() - ql.askOffset());
    }

    @Test
    void rejectsBadSettingsWithTheSeedsNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MarketMakerSettings(-0.01, 10, 50, VolState.LOW_VOL));
        assertTrue(e.getMessage().contains("spread_offset"));
        e = assertThrows(IllegalArgumentException.class, () -> new MarketMakerSettings(0.01, 0, 50, VolState.LOW_VOL));
        assertTrue(e.getMessage().contains("order_size"));
        e = assertThrows(IllegalArgumentException.class, () -> new MarketMakerSettings(0.01, 10, 5, VolState.LOW_VOL));
        assertTrue(e.getMessage().contains("max_position"));
        e = assertThrows(IllegalArgumentException.class, () -> VolState.parse("MID_VOL"));
        assertTrue(e.getMessage().contains("vol_state"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new QuoteRequest(Double.NaN, 0, 1, 1, 1, 1, 1, 1));
        assertTrue(e.getMessage().contains("mid"));
    }
}
