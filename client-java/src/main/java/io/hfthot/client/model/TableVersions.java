package io.hfthot.client.model;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code GET /v1/lakehouse/versions}.
 *
 * @param table    the table
 * @param versions commits in increasing version
 */
public record TableVersions(String table, List<Version> versions) {
    /** Checks and copies. */
    public TableVersions {
        Objects.requireNonNull(table, "table");
        versions = List.copyOf(Objects.requireNonNull(versions, "versions"));
    }

    /**
     * One commit.
     *
     * @param version   the version
     * @param ts        ISO-8601 UTC commit time
     * @param operation the operation ({@code WRITE}, ...)
     */
    public record Version(long version, String ts, String operation) {
    }
}
