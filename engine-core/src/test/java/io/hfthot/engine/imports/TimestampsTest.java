package io.hfthot.engine.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
    private static final long EXPECTED = Instant.parse("2024-01-31T10:00:00Z").toEpochMilli();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1706695200", "1706695200000", "1706695200000000", "1706695200000000000",
        "1706695200.0", "2024-01-31T10:00:00Z", "2024-01-31T10:00:00", "2024-01-31 10:00:00",
        "2024-01-31T11:00:00+01:00", "2024-01-31T10:00:00.000Z", " 1706695200000 "})
    void everySpellingOfOneInstantReadsTheSame(String text) {
        assertEquals(EXPECTED, Timestamps.toEpochMillis(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1706695200.5, 1706695200500", "2024-01-31, 1706659200000", "-60, -60000",
        "99999999999, 99999999999000", "100000000000, 100000000000"})
    void unitBoundariesAndFractionsFollowTheDocumentedRule(String text, long millis) {
        assertEquals(millis, Timestamps.toEpochMillis(text));
    }

    @org.junit.jupiter.api.Test
    void typedValuesFromParquetConvertExactly() {
        assertEquals(EXPECTED, Timestamps.toEpochMillis(Instant.ofEpochMilli(EXPECTED)));
        assertEquals(EXPECTED, Timestamps.toEpochMillis(EXPECTED));
        assertEquals(EXPECTED, Timestamps.toEpochMillis(1706695200L));
        assertEquals(EXPECTED, Timestamps.toEpochMillis(1706695200.0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yesterday", "2024-13-01", "1706695200000001", "1706695200.0005", "1706695200000.5",
        "31/01/2024"})
    void unusableTimesAreRefusedWithTheReason(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Timestamps.toEpochMillis(text));
        assertTrue(e.getMessage().contains("millisecond") || e.getMessage().contains("ISO-8601"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void subMillisecondInstantsAndNonFiniteNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Timestamps.toEpochMillis(Instant.ofEpochSecond(1706695200L, 1_000)));
        assertThrows(IllegalArgumentException.class, () -> Timestamps.toEpochMillis(Double.NaN));
    }
}
