package io.hfthot.lakehouse.duckdb;

import java.util.Locale;

/** How a query result is encoded: seed 000's {@code format=json|arrow}. */
public enum ResultFormat {
    /** A JSON document with {@code columns}, {@code rows} (arrays), {@code row_count} and {@code truncated}. */
    JSON("application/json"),
    /** An Arrow IPC stream (schema message, record batches, end-of-stream marker). */
    ARROW("application/vnd.apache.arrow.stream");

    private final String contentType;

    ResultFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The HTTP content type of a body in this format. */
    public String contentType() {
        return contentType;
    }

    /**
     * Parses the query-string spelling ({@code json} or {@code arrow}, case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static ResultFormat parse(String value) {
        if (value != null) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "json":
                    return JSON;
                case "arrow":
                    return ARROW;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("format must be \"json\" or \"arrow\", got \"" + value + "\"");
    }
}
