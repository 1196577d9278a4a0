package io.hfthot.quant.marketmaking;

import io.hfthot.quant.InvalidParameterException;

/** The market maker's volatility regime, as the bot's {@code vol_state} field spells it. */
public enum VolState {
    /** Quiet market. */
    LOW_VOL,
    /** Turbulent market. */
    HIGH_VOL;

    /**
     * Parses the wire value.
     *
     * @param value {@code "LOW_VOL"} or {@code "HIGH_VOL"}
     * @return the state
     */
    public static VolState parse(String value) {
        if ("LOW_VOL".equals(value)) {
            return LOW_VOL;
        }
        if ("HIGH_VOL".equals(value)) {
            return HIGH_VOL;
        }
        throw new InvalidParameterException("vol_state", "vol_state must be \"LOW_VOL\" or \"HIGH_VOL\", got " + value);
    }
}
