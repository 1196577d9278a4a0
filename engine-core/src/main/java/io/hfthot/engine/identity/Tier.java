package io.hfthot.engine.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * The subscription tiers of seed 000, ordered from lowest to highest, each with its key prefix.
 *
 * <p>What each tier may do lives in {@code io.hfthot.engine.quota.QuotaTable}, not here.
 */
public enum Tier {
    /** Free Beta: {@code hft_free_} keys. */
    FREE_BETA("free_beta", "Free Beta", "hft_free_"),
    /** Hobbyist: {@code hft_hob_} keys. */
    HOBBYIST("hobbyist", "Hobbyist", "hft_hob_"),
    /** Professional: {@code hft_pro_} keys. */
    PROFESSIONAL("professional", "Professional", "hft_pro_"),
    /** Enterprise: {@code hft_ent_} keys. */
    ENTERPRISE("enterprise", "Enterprise", "hft_ent_");

    private static final Tier[] VALUES = values();

    private final String id;
    private final String displayName;
    private final String keyPrefix;

    Tier(String id, String displayName, String keyPrefix) {
        this.id = id;
        this.displayName = displayName;
        this.keyPrefix = keyPrefix;
    }

    /**
     * Returns the wire name used in JSON ({@code tier} of {@code /v1/account/usage}).
     *
     * @return e.g. {@code professional}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the name shown to people, as seed 000 spells it.
     *
     * @return e.g. {@code Free Beta}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Returns the prefix every key of this tier starts with.
     *
     * @return e.g. {@code hft_pro_}
     */
    public String keyPrefix() {
        return keyPrefix;
    }

    /**
     * Tells whether this tier is the given tier or a higher one.
     *
     * @param required the lowest tier accepted
     * @return true when this tier is at least {@code required}
     */
    public boolean atLeast(Tier required) {
        return compareTo(required) >= 0;
    }

    /**
     * Finds the tier a raw key claims by its prefix. The claim is only trusted after the key's
     * fingerprint is found in the store, where the tier is recorded too.
     *
     * @param rawKey a key as presented
     * @return the tier, or empty when no prefix matches
     */
    public static Optional<Tier> ofKey(String rawKey) {
        if (rawKey != null) {
            for (Tier tier : VALUES) {
                if (rawKey.startsWith(tier.keyPrefix)) {
                    return Optional.of(tier);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a tier from its wire name, display name or enum name, ignoring case.
     *
     * @param text e.g. {@code pro}, {@code professional}, {@code Free Beta}
     * @return the tier
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Tier parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            for (Tier tier : VALUES) {
                String shortName = tier.keyPrefix.substring(4, tier.keyPrefix.length() - 1);
                if (t.equals(tier.id) || t.equals(tier.name().toLowerCase(Locale.ROOT)) || t.equals(shortName)) {
                    return tier;
                }
            }
        }
        throw new IllegalArgumentException("tier must be one of free_beta, hobbyist, professional, enterprise"
                + " (or free, hob, pro, ent), got " + text);
    }
}
