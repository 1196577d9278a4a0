package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.InvalidQueryException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimestampLiteralsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-01-15|2026-01-15T00:00:00Z",
        "2026-01-15 14:00:00|2026-01-15T14:00:00Z",
        "2026-01-15 14:00|2026-01-15T14:00:00Z",
        "2026-01-15T14:00:00.123456|2026-01-15T14:00:00.123456Z",
        "2026-01-15T14:00:00Z|2026-01-15T14:00:00Z",
        "2026-01-15T15:00:00+01:00|2026-01-15T14:00:00Z",
        "' 2026-01-15 14:00:00 '|2026-01-15T14:00:00Z"})
    void acceptedSpellings(String literal, String expected) {
        assertEquals(Instant.parse(expected), TimestampLiterals.parse(literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "2026-01-15 25:00:00", "1706784000000", ""})
    void otherTextNamesTheLiteralAndTheAcceptedForms(String literal) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> TimestampLiterals.parse(literal));
        assertTrue(e.getMessage().contains("'" + literal + "'") && e.getMessage().contains("accepted"), e.getMessage());
    }
}
