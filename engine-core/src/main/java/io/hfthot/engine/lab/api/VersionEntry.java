package io.hfthot.engine.lab.api;

/**
 * One commit of a table, as seed 000's {@code list_versions} prints it.
 *
 * @param version   the version
 * @param ts        ISO-8601 UTC commit time
 * @param operation the operation ({@code WRITE}, {@code DELETE}, ...)
 */
public record VersionEntry(long version, String ts, String operation) {
}
