package io.hfthot.engine.marketmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.market.Side;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedVenueTest {
    private static final double STRIKE = 40_000;
    private double reference = STRIKE;
    private SimulatedVenue venue;

    /** A quiet market: no random market orders, constant depth, so only the test's orders trade. */
    static SimulatedVenueConfig quiet(long seed) {
        SimulatedVenueConfig d = SimulatedVenueConfig.defaults(seed);
        return new SimulatedVenueConfig(seed, d.ticksPerDollar(), d.levels(), d.halfSpread(), d.levelShares(), 0,
                d.meanTakerShares(), 0, d.depthReversionSeconds(), d.maxCatchUpMs(), d.fees());
    }

    @BeforeEach
    void open() {
        venue = new SimulatedVenue(quiet(7), FairValueModel.struckAt(STRIKE), () -> reference, "t");
        venue.poll(1_000);
    }

    @Test
    void ladderSitsAroundTheFairValue() {
        BookSnapshot book = venue.book(3);
        assertEquals(0.5, venue.fairValue(), 1e-12);
        assertEquals(0.490, book.bids().get(0).price(), 1e-12);
        assertEquals(0.510, book.asks().get(0).price(), 1e-12);
        assertEquals(0.5, book.mid(), 1e-12);
        assertTrue(venue.liquidity() > 0);
    }

    @Test
    void anOrderBehindTheQueueFillsOnlyAfterTheQueueAheadTraded() {
        double ahead = venue.book(1).asks().get(0).size();
        long id = venue.place(Side.SELL, 0.510, 10);
        venue.marketOrder(Side.BUY, ahead - 1);
        assertTrue(venue.poll(1_100).isEmpty(), "the market did not trade through the queue ahead");
        venue.marketOrder(Side.BUY, 4);
        List<Fill> fills = venue.poll(1_200);
        assertEquals(1, fills.size());
        Fill f = fills.get(0);
        assertEquals(id, f.orderId());
        assertEquals(3, f.size(), 0);
        assertEquals(0.510, f.price(), 1e-12);
        assertEquals(Liquidity.MAKER, f.liquidity());
        assertEquals(0, f.feeUsd(), 0, "no maker fee by default");
        assertEquals(7, venue.openOrders().get(0).remaining(), 0);
    }

    @Test
    void anOrderInsideTheSpreadIsFirstInItsQueue() {
        venue.place(Side.BUY, 0.495, 10);
        venue.marketOrder(Side.SELL, 4);
        List<Fill> fills = venue.poll(1_100);
        assertEquals(1, fills.size());
        assertEquals(4, fills.get(0).size(), 0);
        assertEquals(0.495, fills.get(0).price(), 1e-12);
    }

    @Test
    void noFillAtAPriceTheMarketDidNotReach() {
        venue.place(Side.SELL, 0.530, 10);
        venue.marketOrder(Side.BUY, 50); // consumed at 0.510 alone
        assertTrue(venue.poll(1_100).isEmpty());
        assertEquals(1, venue.openOrders().size());
    }

    @Test
    void aCrossingOrderTakesAtTheRestingPricesAndPaysTheTakerFee() {
        double best = venue.book(1).asks().get(0).size();
        venue.place(Side.BUY, 0.510, best + 5);
        assertEquals(5, venue.openOrders().get(0).remaining(), 0, "the rest rests at the limit");
        List<Fill> fills = venue.poll(1_100);
        assertEquals(Liquidity.TAKER, fills.get(0).liquidity());
        assertEquals(best, fills.get(0).size(), 0);
        assertEquals(best * 0.510 * 20 / 10_000, fills.get(0).feeUsd(), 1e-12);
        // The resting rest bids a cent above the fair value: arbitrageurs sell into it at the next poll.
        assertEquals(2, fills.size());
        assertEquals(Liquidity.MAKER, fills.get(1).liquidity());
        assertEquals(5, fills.get(1).size(), 0);
    }

    @Test
    void aCancelledOrderNeverExecutes() {
        long id = venue.place(Side.BUY, 0.495, 10);
        assertTrue(venue.cancel(id));
        assertFalse(venue.cancel(id));
        venue.marketOrder(Side.SELL, 100);
        assertTrue(venue.poll(1_100).stream().noneMatch(f -> f.orderId() == id));
    }

    @Test
    void aQuoteLeftOnTheWrongSideOfTheFairValueIsPickedOff() {
        venue.place(Side.BUY, 0.495, 10);
        reference = STRIKE * Math.exp(-0.02 * 0.2); // log-odds -0.2: fair value ~0.450
        List<Fill> fills = venue.poll(1_100);
        assertEquals(1, fills.size());
        assertEquals(10, fills.get(0).size(), 0);
        assertTrue(venue.openOrders().isEmpty());
    }

    @Test
    void aReplaceLosesTheQueuePosition() {
        long id = venue.place(Side.SELL, 0.510, 10);
        long replaced = venue.replace(id, 0.511, 10);
        assertTrue(replaced != id);
        assertThrows(IllegalArgumentException.class, () -> venue.replace(id, 0.511, 10));
        assertEquals(1, venue.openOrders().size());
    }

    @Test
    void invalidOrdersAreRefusedAndChangeNothing() {
        assertThrows(IllegalArgumentException.class, () -> venue.place(Side.BUY, 0.4995, 10));
        assertThrows(IllegalArgumentException.class, () -> venue.place(Side.BUY, 1.0, 10));
        assertThrows(IllegalArgumentException.class, () -> venue.place(Side.BUY, 0.4, 0.5));
        assertThrows(IllegalArgumentException.class, () -> venue.place(Side.BUY, Double.NaN, 1));
        assertTrue(venue.openOrders().isEmpty());
    }
}
