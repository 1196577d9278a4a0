package io.hfthot.engine.market;

import io.hfthot.engine.EngineException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalTest {
    @Test
    void parsesEveryWireSpelling() {
        for (Interval interval : Interval.values()) {
            assertEquals(interval, Interval.parse(interval.label()));
        }
        assertEquals(60_000L, Interval.parse("1m").millis());
        assertEquals(300_000L, Interval.parse("5m").millis());
        assertEquals(900_000L, Interval.parse("15m").millis());
        assertEquals(3_600_000L, Interval.parse("1h").millis());
        assertEquals(86_400_000L, Interval.parse("1d").millis());
    }

    @Test
    void rejectsOtherSpellingsListingTheAcceptedOnes() {
        for (String bad : new String[] {"1M", "2m", "", "1 m", "60s"}) {
            EngineException e = assertThrows(EngineException.class, () -> Interval.parse(bad));
            assertEquals("interval", e.parameter().orElseThrow());
            assertEquals("interval must be one of [1m, 5m, 15m, 1h, 1d], got '" + bad + "'", e.getMessage());
        }
        assertThrows(EngineException.class, () -> Interval.parse(null));
    }

    @Test
    void bucketsAreUtcAlignedAlsoBeforeTheEpoch() {
        assertEquals(1_706_784_000_000L, Interval.FIVE_MINUTES.bucketStart(1_706_784_123_456L));
        assertEquals(-60_000L, Interval.ONE_MINUTE.bucketStart(-1L));
        assertEquals(0L, Interval.ONE_DAY.bucketStart(86_399_999L));
    }

    @Test
    void eachIntervalDividesTheNextCoarserOne() {
        assertNull(Interval.ONE_MINUTE.finer());
        for (Interval interval : Interval.values()) {
            if (interval.finer() != null) {
                assertEquals(0, interval.millis() % interval.finer().millis());
                assertTrue(interval.millis() > interval.finer().millis());
            }
        }
    }
}
