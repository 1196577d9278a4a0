package io.hfthot.engine.hti.profile;

import java.util.Locale;

/** Whether an HTI code runs until a date or without end ({@code validity_type} in seed 001). */
public enum ValidityType {
    /** No end date: {@code valid_until} is null ("Unlimited" in the seed's client). */
    UNLIMITED("unlimited"),
    /** Valid until {@code valid_until}, exclusive. */
    FIXED_TERM("fixed_term");

    private final String wireName;

    ValidityType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the JSON value.
     *
     * @return e.g. {@code fixed_term}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name, ignoring case.
     *
     * @param text the value
     * @return the validity type
     */
    public static ValidityType parse(String text) {
        for (ValidityType type : values()) {
            if (type.wireName.equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("validity_type must be unlimited or fixed_term, got " + text);
    }
}
