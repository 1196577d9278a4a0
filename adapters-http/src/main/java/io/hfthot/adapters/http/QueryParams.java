package io.hfthot.adapters.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decoded query-string parameters with validation helpers. Every failure is an
 * {@link ErrorKind#INVALID_PARAMS} {@link ApiException} naming the parameter, the value received and
 * what would be accepted.
 */
public final class QueryParams {
    private static final QueryParams EMPTY = new QueryParams(Map.of());
    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Parses a raw (still percent-encoded) query string.
     *
     * @param rawQuery the query without {@code ?}; null or empty gives no parameters
     * @return the parameters
     * @throws ApiException when the encoding is malformed
     */
    public static QueryParams parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        int at = 0;
        int length = rawQuery.length();
        while (at <= length) {
            int amp = rawQuery.indexOf('&', at);
            int end = amp < 0 ? length : amp;
            if (end > at) {
                int eq = rawQuery.indexOf('=', at);
                boolean hasValue = eq >= 0 && eq < end;
                String name = decode(rawQuery.substring(at, hasValue ? eq : end));
                String value = hasValue ? decode(rawQuery.substring(eq + 1, end)) : "";
                map.merge(name, List.of(value), QueryParams::concat);
            }
            at = end + 1;
        }
        return new QueryParams(Collections.unmodifiableMap(map));
    }

    /** The values of a repeated parameter, in arrival order (rare: a fresh immutable list each time). */
    private static List<String> concat(List<String> earlier, List<String> later) {
        List<String> all = new ArrayList<>(earlier.size() + later.size());
        all.addAll(earlier);
        all.addAll(later);
        return List.copyOf(all);
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s; // nothing to decode: most names and values, e.g. symbol=BTC-USDT
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("query string has malformed percent-encoding in '" + s + "'");
        }
    }

    /**
     * Returns all parameters.
     *
     * @return name to values, in arrival order
     */
    public Map<String, List<String>> asMap() {
        return values;
    }

    /**
     * Returns the first value of a parameter.
     *
     * @param name the parameter
     * @return the value, or empty when absent
     */
    public Optional<String> first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * Returns all values of a repeated parameter.
     *
     * @param name the parameter
     * @return the values, possibly empty
     */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * Requires a non-blank parameter.
     *
     * @param name the parameter
     * @return its value
     */
    public String requiredString(String name) {
        String v = first(name).orElseThrow(() ->
                ApiException.invalid("query parameter '" + name + "' is required"));
        if (v.isBlank()) {
            throw ApiException.invalid("query parameter '" + name + "' must not be blank");
        }
        return v;
    }

    /**
     * Requires a parameter whose value is one of a fixed set.
     *
     * @param name    the parameter
     * @param allowed the accepted values
     * @return the value
     */
    public String requiredOneOf(String name, Set<String> allowed) {
        String v = requiredString(name);
        return checkOneOf(name, v, allowed);
    }

    /**
     * Reads an optional parameter whose value is one of a fixed set.
     *
     * @param name         the parameter
     * @param defaultValue used when absent
     * @param allowed      the accepted values
     * @return the value or the default
     */
    public String optionalOneOf(String name, String defaultValue, Set<String> allowed) {
        Optional<String> v = first(name);
        return v.isEmpty() ? defaultValue : checkOneOf(name, v.get(), allowed);
    }

    private static String checkOneOf(String name, String v, Set<String> allowed) {
        if (!allowed.contains(v)) {
            throw ApiException.invalid("query parameter '" + name + "' = '" + v + "' is not accepted; expected one of "
                    + new java.util.TreeSet<>(allowed));
        }
        return v;
    }

    /**
     * Reads an optional integer in a closed range.
     *
     * @param name         the parameter
     * @param defaultValue used when absent
     * @param min          smallest accepted
     * @param max          largest accepted
     * @return the value
     */
    public long optionalLong(String name, long defaultValue, long min, long max) {
        Optional<String> v = first(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("query parameter '" + name + "' = '" + v.get()
                    + "' is not an integer; expected an integer in [" + min + ", " + max + "]");
        }
        if (parsed < min || parsed > max) {
            throw ApiException.invalid("query parameter '" + name + "' = " + parsed + " is out of range; expected ["
                    + min + ", " + max + "]");
        }
        return parsed;
    }

    /**
     * Requires an integer in a closed range.
     *
     * @param name the parameter
     * @param min  smallest accepted
     * @param max  largest accepted
     * @return the value
     */
    public long requiredLong(String name, long min, long max) {
        requiredString(name);
        return optionalLong(name, 0, min, max);
    }

    /**
     * Reads an optional {@code int} in a closed range.
     *
     * @param name         the parameter
     * @param defaultValue used when absent
     * @param min          smallest accepted
     * @param max          largest accepted
     * @return the value
     */
    public int optionalInt(String name, int defaultValue, int min, int max) {
        return (int) optionalLong(name, defaultValue, min, max);
    }

    /**
     * Reads an optional finite number in a closed range.
     *
     * @param name         the parameter
     * @param defaultValue used when absent
     * @param min          smallest accepted
     * @param max          largest accepted
     * @return the value
     */
    public double optionalDouble(String name, double defaultValue, double min, double max) {
        Optional<String> v = first(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(v.get().trim());
        } catch (NumberFormatException e) {
            parsed = Double.NaN;
        }
        if (!Double.isFinite(parsed)) {
            throw ApiException.invalid("query parameter '" + name + "' = '" + v.get()
                    + "' is not a number; expected a number in [" + min + ", " + max + "]");
        }
        if (parsed < min || parsed > max) {
            throw ApiException.invalid("query parameter '" + name + "' = " + v.get() + " is out of range; expected ["
                    + min + ", " + max + "]");
        }
        return parsed;
    }

    /**
     * Reads an optional boolean ({@code true}/{@code false}, any case).
     *
     * @param name         the parameter
     * @param defaultValue used when absent
     * @return the value
     */
    public boolean optionalBoolean(String name, boolean defaultValue) {
        Optional<String> v = first(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String s = v.get().trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        throw ApiException.invalid("query parameter '" + name + "' = '" + v.get() + "' is not a boolean; expected true or false");
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
