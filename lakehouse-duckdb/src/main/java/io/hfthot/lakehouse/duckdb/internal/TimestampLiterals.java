package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.InvalidQueryException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the literal of {@code TIMESTAMP AS OF '...'}. */
public final class TimestampLiterals {

    /** The accepted spellings, for error messages. */
    public static final String ACCEPTED = "'2026-01-15', '2026-01-15 14:00:00[.ffffff]' (UTC), "
            + "'2026-01-15T14:00:00Z' or '2026-01-15T14:00:00+01:00'";

    private TimestampLiterals() {
    }

    /**
     * Parses a date, a date-time (read as UTC) or a date-time with offset.
     *
     * @throws InvalidQueryException naming the literal and the accepted spellings
     */
    public static Instant parse(String literal) {
        String text = literal.trim();
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            // fall through to the forms without an offset
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // fall through to a plain date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
            throw new InvalidQueryException("TIMESTAMP AS OF '" + literal + "' is not a timestamp; accepted: " + ACCEPTED);
        }
    }
}
