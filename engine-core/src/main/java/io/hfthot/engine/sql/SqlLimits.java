package io.hfthot.engine.sql;

import io.hfthot.engine.identity.Tier;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much SQL one caller and the whole server may run at once, and how long one query may take per tier.
 *
 * @param perCaller  queries one caller may run at the same time, counted per API key and per account (the keys'
 *                   owner), so minting more keys does not multiply it; 1 to {@code concurrent}
 * @param concurrent queries the server runs at the same time (the SQL engine's connections); 1 to 64
 * @param queueWait  how long a query may wait for one of the {@code concurrent} slots before it is refused with
 *                   {@code RATE_LIMITED}; 0 to 60 seconds
 * @param timeouts   each tier's per-query time limit (every tier present; 100 ms to 10 minutes)
 */
public record SqlLimits(int perCaller, int concurrent, Duration queueWait, Map<Tier, Duration> timeouts) {

    /** The largest accepted per-query time limit. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    /** Validates the limits and copies the map. */
    public SqlLimits {
        if (concurrent < 1 || concurrent > 64) {
            throw new IllegalArgumentException("concurrent SQL queries must be in [1, 64], got " + concurrent);
        }
        if (perCaller < 1 || perCaller > concurrent) {
            throw new IllegalArgumentException("SQL queries per caller must be in [1, " + concurrent + "] (the concurrent limit), got "
                    + perCaller);
        }
        Objects.requireNonNull(queueWait, "queueWait");
        if (queueWait.isNegative() || queueWait.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("SQL queue wait must be between 0 and 60 s, got " + queueWait);
        }
        Objects.requireNonNull(timeouts, "timeouts");
        EnumMap<Tier, Duration> copy = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            Duration t = timeouts.get(tier);
            if (t == null || t.compareTo(Duration.ofMillis(100)) < 0 || t.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("the SQL time limit of tier " + tier.id() + " must be between 100 ms and "
                        + MAX_TIMEOUT.toMinutes() + " minutes, got " + t);
            }
            copy.put(tier, t);
        }
        timeouts = Map.copyOf(copy);
    }

    /**
     * The defaults: 2 queries per caller, 4 at once, 2 s of queueing, and 5 s (Free Beta), 10 s (Hobbyist),
     * 20 s (Professional) and 30 s (Enterprise) per query.
     *
     * @return the defaults
     */
    public static SqlLimits defaults() {
        return new SqlLimits(2, 4, Duration.ofSeconds(2), defaultTimeouts());
    }

    /**
     * The default per-tier time limits.
     *
     * @return a new mutable map
     */
    public static Map<Tier, Duration> defaultTimeouts() {
        Map<Tier, Duration> timeouts = new EnumMap<>(Tier.class);
        timeouts.put(Tier.FREE_BETA, Duration.ofSeconds(5));
        timeouts.put(Tier.HOBBYIST, Duration.ofSeconds(10));
        timeouts.put(Tier.PROFESSIONAL, Duration.ofSeconds(20));
        timeouts.put(Tier.ENTERPRISE, Duration.ofSeconds(30));
        return timeouts;
    }

    /**
     * The time limit of one query of a tier.
     *
     * @param tier the caller's tier
     * @return the limit
     */
    public Duration timeout(Tier tier) {
        return timeouts.get(tier);
    }
}
