package io.hfthot.engine.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads a bar's open time, in any of the spellings real files use, as Unix milliseconds.
 *
 * <p>Numbers are read by magnitude, so a file needs no unit option: {@code |v| < 1e11} is epoch seconds
 * (which covers dates up to the year 5138), {@code < 1e14} epoch milliseconds (from 1973-03-03 on), {@code < 1e17}
 * epoch microseconds, anything larger epoch nanoseconds. Seconds may carry a decimal fraction down to the
 * millisecond. Text that is not a number is ISO-8601: with an offset or {@code Z}
 * ({@code 2024-01-31T10:00:00Z}), without one (read as UTC), with a space instead of {@code T}, or a bare
 * date (UTC midnight). Values finer than a millisecond are refused rather than rounded.
 */
final class Timestamps {
    static final String ACCEPTED = "epoch seconds, epoch milliseconds (or micro/nanoseconds) or an ISO-8601 "
            + "date-time such as 2024-01-31T10:00:00Z";

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+\\.\\d+");
    private static final long SECONDS_BELOW = 100_000_000_000L;
    private static final long MILLIS_BELOW = 100_000_000_000_000L;
    private static final long MICROS_BELOW = 100_000_000_000_000_000L;

    private Timestamps() {
    }

    /**
     * Converts a value read from a file to Unix milliseconds.
     *
     * @param value an {@link Instant} (typed Parquet timestamps), a {@link Long}, a {@link Double} or a
     *              {@link String}
     * @return Unix milliseconds
     * @throws IllegalArgumentException with the reason when the value is not a usable time
     */
    static long toEpochMillis(Object value) {
        if (value instanceof Instant instant) {
            if (instant.getNano() % 1_000_000 != 0) {
                throw new IllegalArgumentException("has a sub-millisecond part; bars are stored in milliseconds");
            }
            return instant.toEpochMilli();
        }
        if (value instanceof Long l) {
            return fromNumber(l);
        }
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("is not finite; expected " + ACCEPTED);
            }
            return fromDecimal(BigDecimal.valueOf(d));
        }
        String text = String.valueOf(value).trim();
        if (INTEGER.matcher(text).matches()) {
            return fromNumber(Long.parseLong(text));
        }
        if (DECIMAL.matcher(text).matches()) {
            return fromDecimal(new BigDecimal(text));
        }
        return fromIso(text);
    }

    private static long fromNumber(long v) {
        long magnitude = Math.abs(v);
        if (magnitude < SECONDS_BELOW) {
            return v * 1000L;
        }
        if (magnitude < MILLIS_BELOW) {
            return v;
        }
        long perMilli = magnitude < MICROS_BELOW ? 1_000L : 1_000_000L;
        if (v % perMilli != 0) {
            throw new IllegalArgumentException("read as epoch " + (perMilli == 1_000L ? "microseconds" : "nanoseconds")
                    + " it has a sub-millisecond part; bars are stored in milliseconds");
        }
        return v / perMilli;
    }

    private static long fromDecimal(BigDecimal v) {
        if (v.stripTrailingZeros().scale() <= 0) {
            return fromNumber(v.longValueExact());
        }
        if (v.abs().compareTo(BigDecimal.valueOf(SECONDS_BELOW)) >= 0) {
            throw new IllegalArgumentException("a fraction is only accepted on epoch seconds; expected " + ACCEPTED);
        }
        BigDecimal millis = v.movePointRight(3);
        if (millis.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("has a sub-millisecond part; bars are stored in milliseconds");
        }
        return millis.longValueExact();
    }

    private static long fromIso(String text) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        try {
            return toMillis(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return toMillis(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("is not a time; expected " + ACCEPTED, notDate);
                }
            }
        }
    }

    private static long toMillis(Instant instant) {
        return toEpochMillis(instant);
    }
}
