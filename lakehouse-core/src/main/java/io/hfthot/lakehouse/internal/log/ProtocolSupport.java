package io.hfthot.lakehouse.internal.log;

import io.hfthot.lakehouse.UnsupportedFeatureException;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.actions.SchemaJson;
import java.util.List;
import java.util.Set;

/**
 * Decides whether this module may read or write a table, from its protocol and metadata, and names the feature
 * when it may not. Reading wrong rows is never an option: anything that changes what rows a reader must return
 * (deletion vectors, column mapping, v2 checkpoints, type widening, ...) is refused.
 */
public final class ProtocolSupport {
    /** The protocol this module writes for new tables (what Delta Kernel writes for new tables). */
    public static final Action.Protocol WRITE_PROTOCOL = new Action.Protocol(1, 2, null, null);

    /** Reader features (reader version 3) that do not change how rows are read here. */
    private static final Set<String> READABLE_FEATURES = Set.of("timestampNtz", "deletionVectors", "v2Checkpoint", "columnMapping", "vacuumProtocolCheck", "appendOnly",
            "invariants", "checkConstraints", "generatedColumns", "changeDataFeed", "domainMetadata", "inCommitTimestamp",
            "identityColumns", "rowTracking", "clustering", "icebergCompatV1", "icebergCompatV2");

    private ProtocolSupport() {
    }

    /**
     * Checks that a table can be read.
     *
     * @throws UnsupportedFeatureException naming the first unsupported feature
     */
    public static void checkReadable(Action.Protocol protocol, Action.Metadata metadata, String table) {
        if (protocol.minReaderVersion() > 3) {
            throw new UnsupportedFeatureException("readerVersion " + protocol.minReaderVersion(),
                    "table '" + table + "' needs a Delta reader version above 3; supported reader versions are 1 to 3");
        }
        if (protocol.minReaderVersion() == 3 && protocol.readerFeatures() != null) {
            for (String f : protocol.readerFeatures()) {
                if (!READABLE_FEATURES.contains(f)) {
                    throw new UnsupportedFeatureException(f, "table '" + table + "' requires reader feature '" + f
                            + "'; readable features are " + new java.util.TreeSet<>(READABLE_FEATURES));
                }
            }
        }
        if (metadata != null) {
            ColumnMapping.of(metadata, table); // refuses unknown modes by name
        }
    }

    /**
     * Checks that this module may commit to a table.
     *
     * @throws UnsupportedFeatureException naming the writer feature
     */
    public static void checkWritable(Action.Protocol protocol, Action.Metadata metadata, String table) {
        if (protocol.minWriterVersion() > 2) {
            List<String> features = protocol.writerFeatures();
            throw new UnsupportedFeatureException("writerVersion " + protocol.minWriterVersion()
                    + (features == null ? "" : " " + features), "table '" + table
                    + "' needs a Delta writer above version 2; this module writes reader 1 / writer 2 tables only");
        }
        if (metadata != null) {
            List<String> inv = SchemaJson.columnsWithInvariants(metadata.schemaString());
            if (!inv.isEmpty()) {
                throw new UnsupportedFeatureException("invariants", "table '" + table + "' declares column invariants on "
                        + inv + ", which this module does not enforce, so it refuses to write");
            }
        }
    }

    /** Whether the table is append-only ({@code delta.appendOnly=true}). */
    public static boolean isAppendOnly(Action.Metadata metadata) {
        return "true".equalsIgnoreCase(metadata.configuration().get("delta.appendOnly"));
    }
}
