package io.hfthot.lakehouse;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a table's history: a committed version.
 *
 * @param version             the version number
 * @param timestamp           the commit timestamp (monotonic across versions, see {@link DeltaTable#history()})
 * @param operation           the operation, e.g. {@code CREATE TABLE}, {@code WRITE}, {@code DELETE}, {@code ERASE}
 * @param operationParameters the operation's parameters as recorded
 * @param operationMetrics    the operation's metrics (row and file counts) as recorded
 */
public record VersionInfo(long version, Instant timestamp, String operation, Map<String, String> operationParameters,
                          Map<String, String> operationMetrics) {
    /** Copies the maps. */
    public VersionInfo {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(operation, "operation");
        operationParameters = Map.copyOf(operationParameters);
        operationMetrics = Map.copyOf(operationMetrics);
    }
}
