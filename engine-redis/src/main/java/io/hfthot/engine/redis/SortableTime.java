package io.hfthot.engine.redis;

import java.time.Instant;

/**
 * Instants as fixed-width decimal strings (10 digits of epoch seconds, 9 of nanoseconds), whose byte order is
 * their time order. Redis sorted-set scores are doubles and cannot hold epoch nanoseconds exactly, so the sorted
 * sets of this module give every member score 0 and order members by these strings ({@code ZRANGE ... BYLEX});
 * Lua compares them as strings, without arithmetic on 64-bit numbers it cannot do exactly.
 */
final class SortableTime {
    /** Length of an encoded instant. */
    static final int LENGTH = 19;
    private static final long MAX_SECOND = 9_999_999_999L;

    private SortableTime() {
    }

    /**
     * Encodes an instant.
     *
     * @param t an instant in {@code [1970-01-01T00:00:00Z, year 2286]}
     * @return the 19-character code
     */
    static String encode(Instant t) {
        if (t.getEpochSecond() < 0 || t.getEpochSecond() > MAX_SECOND) {
            throw new IllegalArgumentException("time must lie between 1970 and 2286 for the Redis stores, got " + t);
        }
        return String.format("%010d%09d", t.getEpochSecond(), t.getNano());
    }

    /**
     * Decodes the first {@link #LENGTH} characters of a string.
     *
     * @param code a code, possibly followed by more characters (a member's suffix)
     * @return the instant
     */
    static Instant decode(String code) {
        return Instant.ofEpochSecond(Long.parseLong(code.substring(0, 10)), Long.parseLong(code.substring(10, LENGTH)));
    }
}
