package io.hfthot.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A tier limit that is a number or, on the wire, the string {@code unlimited}.
 *
 * @param value the limit, or -1 for unlimited
 */
public record Limit(long value) {
    /** The Enterprise tier's unlimited value. */
    public static final Limit UNLIMITED = new Limit(-1);

    /** Validates the value. */
    public Limit {
        if (value < -1) {
            throw new IllegalArgumentException("limit = " + value + " is not accepted; expected >= 0, or -1 for unlimited");
        }
    }

    /**
     * Reads the wire form.
     *
     * @param wire a number or {@code "unlimited"}
     * @return the limit
     */
    @JsonCreator
    public static Limit of(Object wire) {
        if (wire instanceof Number n) {
            return new Limit(n.longValue());
        }
        if ("unlimited".equals(wire)) {
            return UNLIMITED;
        }
        throw new IllegalArgumentException("limit = " + wire + " is not accepted; expected a number or 'unlimited'");
    }

    /**
     * Returns whether there is no limit.
     *
     * @return true for unlimited
     */
    public boolean unlimited() {
        return value < 0;
    }

    /**
     * Returns the wire form.
     *
     * @return a number or {@code "unlimited"}
     */
    @JsonValue
    public Object wire() {
        return unlimited() ? "unlimited" : (Object) value;
    }
}
