package io.hfthot.client.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Field checks and defensive copies shared by the records of this package. */
final class Checks {
    private Checks() {
    }

    static String nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' = " + (value == null ? "null" : "'" + value + "'")
                    + " is not accepted; expected a non-blank string");
        }
        return value;
    }

    static String oneOf(String field, String value, Set<String> accepted) {
        if (value == null || !accepted.contains(value)) {
            throw new IllegalArgumentException("field '" + field + "' = " + (value == null ? "null" : "'" + value + "'")
                    + " is not accepted; expected one of " + new java.util.TreeSet<>(accepted));
        }
        return value;
    }

    static void range(String field, Number value, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            throw new IllegalArgumentException("field '" + field + "' = " + value + " is not accepted; expected " + min
                    + " to " + max);
        }
    }

    static void finiteAtLeast(String field, Double value, double min) {
        if (value != null && !(Double.isFinite(value) && value >= min)) {
            throw new IllegalArgumentException("field '" + field + "' = " + value + " is not accepted; expected a finite"
                    + " number >= " + min);
        }
    }

    static List<String> symbols(List<String> symbols) {
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("field 'symbols' = " + symbols + " is not accepted; expected at least one symbol");
        }
        Set<String> seen = new HashSet<>();
        for (String s : symbols) {
            nonBlank("symbols", s);
            if (!seen.add(s)) {
                throw new IllegalArgumentException("field 'symbols' = " + symbols + " is not accepted; '" + s
                        + "' appears twice");
            }
        }
        return List.copyOf(symbols);
    }

    static void ordered(Long start, Long end) {
        if (start != null && end != null && start > end) {
            throw new IllegalArgumentException("field 'start_time' = " + start + " is after 'end_time' = " + end
                    + "; expected start_time <= end_time");
        }
    }

    /** Copies a list that may hold nulls (SQL NULL values); null stays null. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Copies a map keeping its order; values may be null. */
    static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
