package io.hfthot.engine.sql;

import io.hfthot.engine.EngineException;

/** The encodings {@code GET /v1/lakehouse/query} offers. */
public enum SqlFormat {
    /** A JSON document with {@code columns} and {@code rows} (the default). */
    JSON("json"),
    /** An Arrow IPC stream (for zero-copy PyArrow). */
    ARROW("arrow");

    private final String wire;

    SqlFormat(String wire) {
        this.wire = wire;
    }

    /**
     * Returns the wire spelling.
     *
     * @return {@code json} or {@code arrow}
     */
    public String wire() {
        return wire;
    }

    /**
     * Parses the wire spelling; null means the default, JSON.
     *
     * @param text {@code json}, {@code arrow} or null
     * @return the format
     * @throws EngineException INVALID_PARAMS naming {@code format} for anything else
     */
    public static SqlFormat parse(String text) {
        if (text == null) {
            return JSON;
        }
        for (SqlFormat f : values()) {
            if (f.wire.equals(text)) {
                return f;
            }
        }
        throw EngineException.invalid("format", "format must be one of [json, arrow], got '" + text + "'");
    }
}
