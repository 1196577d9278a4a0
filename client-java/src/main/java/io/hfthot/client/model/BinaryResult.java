package io.hfthot.client.model;

import java.util.Objects;

/**
 * A binary answer: an Arrow IPC stream ({@code GET /v1/lakehouse/query?format=arrow}) or a Parquet file
 * ({@code GET /v1/lakehouse/export}).
 *
 * @param contentType the media type
 * @param body        the bytes (copied in and out)
 * @param rowCount    {@code X-HFThot-Row-Count}
 * @param tableVersion {@code X-HFThot-Table-Version} for an export, -1 for a query
 * @param truncated   {@code X-HFThot-Truncated} for a query, false for an export
 */
public record BinaryResult(String contentType, byte[] body, long rowCount, long tableVersion, boolean truncated) {
    /** Checks and copies. */
    public BinaryResult {
        Objects.requireNonNull(contentType, "contentType");
        body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * Returns a copy of the bytes.
     *
     * @return the bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
