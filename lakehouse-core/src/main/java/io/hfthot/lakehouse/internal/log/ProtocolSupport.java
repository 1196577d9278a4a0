package io.hfthot.lakehouse.internal.log;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.lakehouse.UnsupportedFeatureException;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.actions.ActionJson;
import io.hfthot.lakehouse.internal.actions.SchemaJson;
import java.util.List;
import java.util.Set;

/**
 * Decides whether this module may read or write a table, from its protocol and metadata, and names the feature
 * when it may not. Reading wrong rows is never an option: anything that changes what rows a reader must return
 * (deletion vectors, column mapping, v2 checkpoints, type widening, ...) is refused unless implemented, and type
 * widening is accepted only for the changes that read the same without conversion.
 */
public final class ProtocolSupport {
    /** The protocol this module writes for new tables (what Delta Kernel writes for new tables). */
    public static final Action.Protocol WRITE_PROTOCOL = new Action.Protocol(1, 2, null, null);

    /** Reader features (reader version 3) that do not change how rows are read here. */
    private static final Set<String> READABLE_FEATURES = Set.of("timestampNtz", "deletionVectors", "v2Checkpoint", "columnMapping", "vacuumProtocolCheck", "appendOnly",
            "invariants", "checkConstraints", "generatedColumns", "changeDataFeed", "domainMetadata", "inCommitTimestamp",
            "identityColumns", "rowTracking", "clustering", "icebergCompatV1", "icebergCompatV2");

    /** The type widening reader features (the preview name is what Delta 3.x writes). */
    private static final Set<String> TYPE_WIDENING = Set.of("typeWidening", "typeWidening-preview");

    /**
     * Widenings a file written before the change reads correctly here without conversion: integers are read into
     * {@code long}s and floats into {@code double}s whatever the stored width, and a {@code float} widened to
     * {@code double} keeps the float's exact value, as Delta Kernel reads it. Widening to a decimal or from a date
     * needs a conversion this module does not make.
     */
    private static final Set<String> SAME_READ_WIDENINGS = Set.of("byte>short", "byte>integer", "byte>long",
            "short>integer", "short>long", "integer>long", "float>double");

    private ProtocolSupport() {
    }

    /**
     * Accepts type widening when every recorded change ({@code delta.typeChanges} in any field's metadata, nested
     * fields included) is one of {@link #SAME_READ_WIDENINGS}; refuses the table with the feature name otherwise.
     */
    private static void checkTypeChanges(String schemaString, String feature, String table) {
        JsonNode root;
        try {
            root = ActionJson.MAPPER.readTree(schemaString);
        } catch (Exception e) {
            throw new io.hfthot.lakehouse.LakehouseException("corrupt Delta schemaString of table '" + table + "': " + e.getMessage(), e);
        }
        for (JsonNode changes : root.findValues("delta.typeChanges")) {
            for (JsonNode c : changes) {
                String change = c.path("fromType").asText() + ">" + c.path("toType").asText();
                if (!SAME_READ_WIDENINGS.contains(change)) {
                    throw new UnsupportedFeatureException(feature, "table '" + table + "' widened a column from "
                            + c.path("fromType").asText() + " to " + c.path("toType").asText() + "; the widenings read are "
                            + new java.util.TreeSet<>(SAME_READ_WIDENINGS).toString().replace(">", " to "));
                }
            }
        }
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
                if (TYPE_WIDENING.contains(f) && metadata != null) {
                    checkTypeChanges(metadata.schemaString(), f, table);
                } else if (!READABLE_FEATURES.contains(f)) {
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
