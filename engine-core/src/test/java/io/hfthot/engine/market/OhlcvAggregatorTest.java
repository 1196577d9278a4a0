package io.hfthot.engine.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OhlcvAggregatorTest {
    private final List<Bar> bars = new ArrayList<>();
    private final OhlcvAggregator minutes = new OhlcvAggregator(Interval.ONE_MINUTE, 3,
            (t, o, h, l, c, v) -> bars.add(new Bar(t, o, h, l, c, v)));

    @Test
    void buildsContinuousBarsAndFillsQuietMinutes() {
        minutes.addTrade(60_500, 10.0, 1.0);
        minutes.addTrade(61_000, 12.0, 0.5);
        minutes.addTrade(59_999 + 3 * 60_000, 11.0, 0.25); // minute 3; minute 2 had no trade
        minutes.closeThrough(4 * 60_000);
        assertEquals(List.of(
                new Bar(60_000, 10.0, 12.0, 10.0, 12.0, 1.5),
                new Bar(120_000, 12.0, 12.0, 12.0, 12.0, 0.0),
                new Bar(180_000, 12.0, 12.0, 11.0, 11.0, 0.25)), bars);
    }

    @Test
    void continuesAStoredSeries() {
        minutes.continueAfter(0, 9.5);
        minutes.addTrade(2 * 60_000 + 1, 10.0, 2.0);
        minutes.closeThrough(3 * 60_000);
        assertEquals(List.of(
                new Bar(60_000, 9.5, 9.5, 9.5, 9.5, 0.0),
                new Bar(120_000, 9.5, 10.0, 9.5, 10.0, 2.0)), bars);
        assertThrows(IllegalStateException.class, () -> minutes.continueAfter(0, 1.0));
    }

    @Test
    void rejectsLateInput() {
        minutes.addTrade(120_000, 10.0, 1.0);
        minutes.closeThrough(180_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> minutes.addTrade(179_999, 10.0, 1.0));
        assertEquals("input at 179999 is late: the 1m bucket 120000 precedes the current one or is already closed",
                e.getMessage());
        minutes.addTrade(180_000, 11.0, 1.0);
        assertThrows(IllegalArgumentException.class, () -> minutes.addTrade(100_000, 10.0, 1.0));
    }

    @Test
    void batchAggregationRejectsUnorderedBars() {
        List<Bar> unordered = List.of(new Bar(60_000, 1, 1, 1, 1, 1), new Bar(0, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> OhlcvAggregator.aggregate(unordered, Interval.FIVE_MINUTES));
    }
}
