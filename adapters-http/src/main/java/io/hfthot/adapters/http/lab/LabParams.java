package io.hfthot.adapters.http.lab;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.QueryParams;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Decodes seed 000's optional query parameters into nullable values, so the engine applies its own
 * defaults and ranges (one source of truth for them). Syntax errors are 400 {@code INVALID_PARAMS}
 * naming the parameter; repeated parameters are refused rather than silently taking one value.
 */
final class LabParams {
    private LabParams() {
    }

    /**
     * Returns a single-valued parameter.
     *
     * @param q    the query
     * @param name the parameter
     * @return the raw value, or null when absent
     */
    static String string(QueryParams q, String name) {
        if (q.all(name).size() > 1) {
            throw ApiException.invalid("query parameter '" + name + "' is given " + q.all(name).size()
                    + " times; give it once");
        }
        return q.first(name).orElse(null);
    }

    /**
     * Returns an optional {@code int} parameter.
     *
     * @param q    the query
     * @param name the parameter
     * @return the value, or null when absent
     */
    static Integer integer(QueryParams q, String name) {
        Long v = longValue(q, name);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw ApiException.invalid("query parameter '" + name + "' = " + v + " is out of range; expected a 32-bit integer");
        }
        return v.intValue();
    }

    /**
     * Returns an optional {@code long} parameter.
     *
     * @param q    the query
     * @param name the parameter
     * @return the value, or null when absent
     */
    static Long longValue(QueryParams q, String name) {
        String v = string(q, name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("query parameter '" + name + "' = '" + v + "' is not an integer");
        }
    }

    /**
     * Returns an optional instant given as Unix milliseconds or as ISO-8601 (with offset or {@code Z}).
     *
     * @param q    the query
     * @param name the parameter
     * @return epoch milliseconds, or empty when absent
     */
    static Optional<Long> instantMillis(QueryParams q, String name) {
        String v = string(q, name);
        if (v == null) {
            return Optional.empty();
        }
        String t = v.trim();
        if (t.matches("-?\\d+")) {
            return Optional.of(longValue(q, name));
        }
        try {
            return Optional.of(Instant.parse(t).toEpochMilli());
        } catch (DateTimeParseException notInstant) {
            try {
                return Optional.of(OffsetDateTime.parse(t).toInstant().toEpochMilli());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("query parameter '" + name + "' = '" + v
                        + "' is neither Unix milliseconds nor an ISO-8601 instant such as 2026-01-15T14:00:00Z");
            }
        }
    }
}
