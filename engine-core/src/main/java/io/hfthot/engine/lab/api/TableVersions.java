package io.hfthot.engine.lab.api;

import java.util.List;

/**
 * The history of a table.
 *
 * @param table    the table
 * @param versions commits in increasing version
 */
public record TableVersions(String table, List<VersionEntry> versions) {
    /** Copies the list. */
    public TableVersions {
        versions = List.copyOf(versions);
    }
}
