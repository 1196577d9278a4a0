package io.hfthot.lakehouse.internal.log;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.UnsupportedFeatureException;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.actions.ActionJson;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delta column mapping ({@code delta.columnMapping.mode} {@code name} or {@code id}) for reading: the data files,
 * partition values and statistics use each column's physical name ({@code delta.columnMapping.physicalName}), and
 * in {@code id} mode Parquet columns are matched by field id ({@code delta.columnMapping.id}) first and by
 * physical name when a file carries no ids. Readers translate to logical names at the edge, so everything above
 * works on logical names. Mode {@code none} (or absent) is the identity.
 */
public final class ColumnMapping {
    /** The identity mapping. */
    public static final ColumnMapping NONE = new ColumnMapping(false, false, Map.of(), Map.of(), Map.of());

    private final boolean active;
    private final boolean byId;
    private final Map<String, String> physicalByLogical;
    private final Map<String, String> logicalByPhysical;
    private final Map<String, Integer> idByLogical;

    private ColumnMapping(boolean active, boolean byId, Map<String, String> physicalByLogical, Map<String, String> logicalByPhysical,
                          Map<String, Integer> idByLogical) {
        this.active = active;
        this.byId = byId;
        this.physicalByLogical = physicalByLogical;
        this.logicalByPhysical = logicalByPhysical;
        this.idByLogical = idByLogical;
    }

    /**
     * Returns the mapping a table's metadata declares.
     *
     * @throws UnsupportedFeatureException for a mode other than none, name and id
     */
    public static ColumnMapping of(Action.Metadata metadata, String table) {
        String mode = metadata.configuration().getOrDefault("delta.columnMapping.mode", "none");
        if (mode.equalsIgnoreCase("none")) {
            return NONE;
        }
        if (!mode.equalsIgnoreCase("name") && !mode.equalsIgnoreCase("id")) {
            throw new UnsupportedFeatureException("columnMapping", "table '" + table + "' uses column mapping mode '" + mode
                    + "'; modes none, name and id are read");
        }
        Map<String, String> physical = new LinkedHashMap<>();
        Map<String, String> logical = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        JsonNode root;
        try {
            root = ActionJson.MAPPER.readTree(metadata.schemaString());
        } catch (Exception e) {
            throw new LakehouseException("corrupt Delta schemaString of table '" + table + "': " + e.getMessage(), e);
        }
        for (JsonNode f : root.path("fields")) {
            String name = f.path("name").asText();
            if (f.path("type").isObject()) {
                // Nested fields carry their own physical names (and ids); the nested reader matches file fields by
                // logical name, so it would read them as nulls.
                throw new UnsupportedFeatureException("columnMapping with nested columns", "table '" + table + "' maps the"
                        + " names of its nested column '" + name + "'; column mapping is read for primitive columns only");
            }
            JsonNode md = f.path("metadata");
            String p = md.path("delta.columnMapping.physicalName").asText(name);
            physical.put(name, p);
            logical.put(p, name);
            if (md.has("delta.columnMapping.id")) {
                ids.put(name, md.get("delta.columnMapping.id").asInt());
            }
        }
        return new ColumnMapping(true, mode.equalsIgnoreCase("id"), Map.copyOf(physical), Map.copyOf(logical), Map.copyOf(ids));
    }

    /** Returns whether names are mapped at all. */
    public boolean active() {
        return active;
    }

    /** Returns the physical name of a logical column (itself when unmapped). */
    public String physical(String logical) {
        return physicalByLogical.getOrDefault(logical, logical);
    }

    /** Returns the Parquet field id to match a logical column by, or null (match by physical name). */
    public Integer fieldId(String logical) {
        return byId ? idByLogical.get(logical) : null;
    }

    /** Rewrites a map keyed by physical names (partition values, statistics) to logical names. */
    public <V> Map<String, V> toLogical(Map<String, V> byPhysical) {
        if (!active) {
            return byPhysical;
        }
        Map<String, V> out = new LinkedHashMap<>();
        for (Map.Entry<String, V> e : byPhysical.entrySet()) {
            out.put(logicalByPhysical.getOrDefault(e.getKey(), e.getKey()), e.getValue());
        }
        return out;
    }
}
