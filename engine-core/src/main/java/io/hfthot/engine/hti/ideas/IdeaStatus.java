package io.hfthot.engine.hti.ideas;

import java.util.Locale;

/** Where a trade idea stands; every change of status is a new revision of the idea. */
public enum IdeaStatus {
    /** Open: its entry, take-profit and stop-loss still apply. */
    ACTIVE,
    /** The price reached the take-profit level. */
    TAKE_PROFIT_HIT,
    /** The price reached the stop-loss level. */
    STOP_LOSS_HIT,
    /** The regime or the direction changed, so a new idea replaces it. */
    SUPERSEDED,
    /** Its expiration time passed. */
    EXPIRED;

    /**
     * Returns the lowercase name stored in the ideas table.
     *
     * @return e.g. {@code take_profit_hit}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a stored name.
     *
     * @param text the name, any case
     * @return the status
     */
    public static IdeaStatus parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
