package io.hfthot.engine.sql;

/**
 * An encoded SQL result: a JSON document ({@code {"columns": ..., "rows": [...], ...}}) or an Arrow IPC
 * stream, ready to be written as the response body.
 *
 * @param contentType the media type of {@code body}
 * @param body        the encoded result (copied in and out)
 * @param rowCount    rows in the result
 * @param truncated   whether the row cap cut the result
 */
public record SqlResponse(String contentType, byte[] body, long rowCount, boolean truncated) {
    /** Copies the body. */
    public SqlResponse {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
