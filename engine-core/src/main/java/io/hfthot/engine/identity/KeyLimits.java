package io.hfthot.engine.identity;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How many API keys an account may hold and create: a cap on live (not revoked) keys per account, chosen by
 * the tier of the key that asks, and a sliding-window limit on key creations per account.
 *
 * <p>The two together bound what key creation can cost: every creation is one commit of the key table, so an
 * account adds at most {@code creationsPerDay} rows a day however many keys it revokes, and never holds more
 * than its tier's cap of working keys.
 *
 * @param liveKeys        the most live keys an account may hold, per tier of the asking key (every tier present,
 *                        each in 1..10000)
 * @param creationsPerDay key creations an account may make in any sliding 24 hours (1..10000)
 */
public record KeyLimits(Map<Tier, Integer> liveKeys, int creationsPerDay) {
    /** Upper bound of every setting (keeps a typo from disabling the limit). */
    public static final int MAX_SETTING = 10_000;
    /** The default caps: Free Beta 3, Hobbyist 5, Professional 20, Enterprise 100 live keys per account. */
    public static final String DEFAULT_LIVE_KEYS = "free_beta=3,hobbyist=5,professional=20,enterprise=100";
    /** The default creations per account per sliding day. */
    public static final int DEFAULT_CREATIONS_PER_DAY = 20;

    /** Validates that every tier has a cap in range and copies the map. */
    public KeyLimits {
        if (liveKeys == null) {
            throw new IllegalArgumentException("liveKeys must not be null");
        }
        EnumMap<Tier, Integer> copy = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            Integer cap = liveKeys.get(tier);
            if (cap == null || cap < 1 || cap > MAX_SETTING) {
                throw new IllegalArgumentException("live key cap of tier " + tier.id() + " must be in [1, "
                        + MAX_SETTING + "], got " + cap);
            }
            copy.put(tier, cap);
        }
        if (creationsPerDay < 1 || creationsPerDay > MAX_SETTING) {
            throw new IllegalArgumentException("key creations per day must be in [1, " + MAX_SETTING + "], got "
                    + creationsPerDay);
        }
        liveKeys = Map.copyOf(copy);
    }

    /**
     * Returns the defaults ({@value #DEFAULT_LIVE_KEYS}; {@value #DEFAULT_CREATIONS_PER_DAY} creations a day).
     *
     * @return the defaults
     */
    public static KeyLimits defaults() {
        return parse(DEFAULT_LIVE_KEYS, DEFAULT_CREATIONS_PER_DAY);
    }

    /**
     * Parses the live-key caps from {@code tier=cap} pairs separated by commas; tiers not named keep their
     * default cap.
     *
     * @param liveKeys        e.g. {@code free=2,pro=50} (any name {@link Tier#parse} accepts)
     * @param creationsPerDay key creations per account per sliding day
     * @return the limits
     * @throws IllegalArgumentException naming the malformed pair and what is accepted
     */
    public static KeyLimits parse(String liveKeys, int creationsPerDay) {
        EnumMap<Tier, Integer> caps = new EnumMap<>(Tier.class);
        caps.put(Tier.FREE_BETA, 3);
        caps.put(Tier.HOBBYIST, 5);
        caps.put(Tier.PROFESSIONAL, 20);
        caps.put(Tier.ENTERPRISE, 100);
        if (liveKeys != null && !liveKeys.isBlank()) {
            for (String pair : liveKeys.split(",")) {
                String[] kv = pair.strip().split("=", -1);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("live key caps must be tier=count pairs separated by commas,"
                            + " e.g. " + DEFAULT_LIVE_KEYS + "; got '" + pair.strip() + "'");
                }
                Tier tier = Tier.parse(kv[0].strip().toLowerCase(Locale.ROOT));
                try {
                    caps.put(tier, Integer.parseInt(kv[1].strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("live key cap of tier " + tier.id() + " must be an integer in [1, "
                            + MAX_SETTING + "], got '" + kv[1].strip() + "'", e);
                }
            }
        }
        return new KeyLimits(caps, creationsPerDay);
    }

    /**
     * Returns the live-key cap that applies when a key of this tier creates a key.
     *
     * @param tier the asking key's tier
     * @return the cap
     */
    public int liveKeys(Tier tier) {
        return liveKeys.get(tier);
    }
}
