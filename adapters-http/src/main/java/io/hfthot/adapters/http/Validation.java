package io.hfthot.adapters.http;

/**
 * Body validation helpers for handlers and request records. Each failure is an
 * {@link ErrorKind#INVALID_PARAMS} {@link ApiException} naming the field, the value and what would be
 * accepted.
 */
public final class Validation {
    private Validation() {
    }

    /**
     * Requires a condition on a field.
     *
     * @param ok       the condition
     * @param field    the JSON field name
     * @param value    the value received
     * @param expected what would be accepted, e.g. {@code "a number in (0, 1]"}
     */
    public static void require(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            throw ApiException.invalid("field '" + field + "' = " + render(value) + " is not accepted; expected "
                    + expected);
        }
    }

    /**
     * Requires a present field.
     *
     * @param value the value received
     * @param field the JSON field name
     * @param <T>   its type
     * @return the value
     */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiException.invalid("field '" + field + "' is required");
        }
        return value;
    }

    /**
     * Requires a finite number in a closed range.
     *
     * @param value the value received
     * @param field the JSON field name
     * @param min   smallest accepted
     * @param max   largest accepted
     * @return the value
     */
    public static double inRange(double value, String field, double min, double max) {
        require(Double.isFinite(value) && value >= min && value <= max, field, value,
                "a number in [" + min + ", " + max + "]");
        return value;
    }

    /**
     * Requires a non-blank string of bounded length.
     *
     * @param value     the value received
     * @param field     the JSON field name
     * @param maxLength the longest accepted
     * @return the value
     */
    public static String nonBlank(String value, String field, int maxLength) {
        required(value, field);
        require(!value.isBlank() && value.length() <= maxLength, field, value,
                "a non-blank string of at most " + maxLength + " characters");
        return value;
    }

    private static String render(Object value) {
        if (value instanceof CharSequence s) {
            String text = s.length() > 64 ? s.subSequence(0, 64) + "..." : s.toString();
            return "'" + text + "'";
        }
        return String.valueOf(value);
    }
}
