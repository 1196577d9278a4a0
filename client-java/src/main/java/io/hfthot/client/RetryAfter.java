package io.hfthot.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} value (RFC 9110 section 10.2.3): either a number of seconds
 * ({@code delay-seconds}, digits only) or an HTTP date ({@code IMF-fixdate}, e.g.
 * {@code Wed, 21 Oct 2015 07:28:00 GMT}), which is turned into a wait from the given clock's now.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * Parses a header value.
     *
     * @param value the header value
     * @param clock the clock an HTTP date is measured from
     * @return the wait (zero for a date in the past), or empty when the value is neither form
     */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty(); // more digits than a long holds: not a usable delay
            }
        }
        try {
            // RFC_1123_DATE_TIME accepts IMF-fixdate; the obsolete RFC 850 and asctime forms are not read.
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
