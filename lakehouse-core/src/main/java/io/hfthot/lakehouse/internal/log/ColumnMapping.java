package io.hfthot.lakehouse.internal.log;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.UnsupportedFeatureException;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.actions.ActionJson;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.NestedType;
import io.hfthot.lakehouse.internal.actions.SchemaJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    public static final ColumnMapping NONE = new ColumnMapping(false, false, Map.of(), Map.of(), Map.of(), Map.of());

    private final boolean active;
    private final boolean byId;
    private final Map<String, String> physicalByLogical;
    private final Map<String, String> logicalByPhysical;
    private final Map<String, Integer> idByLogical;
    /** Each top-level column as the files store it: nested struct fields, at any depth, by their physical names. */
    private final Map<String, Field> physicalFieldByLogical;

    private ColumnMapping(boolean active, boolean byId, Map<String, String> physicalByLogical, Map<String, String> logicalByPhysical,
                          Map<String, Integer> idByLogical, Map<String, Field> physicalFieldByLogical) {
        this.active = active;
        this.byId = byId;
        this.physicalByLogical = physicalByLogical;
        this.logicalByPhysical = logicalByPhysical;
        this.idByLogical = idByLogical;
        this.physicalFieldByLogical = physicalFieldByLogical;
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
            JsonNode md = f.path("metadata");
            String p = md.path("delta.columnMapping.physicalName").asText(name);
            physical.put(name, p);
            logical.put(p, name);
            if (md.has("delta.columnMapping.id")) {
                ids.put(name, md.get("delta.columnMapping.id").asInt());
            }
        }
        Map<String, Field> physicalFields = new HashMap<>();
        List<Field> logicalFields = SchemaJson.fromJson(metadata.schemaString()).fields();
        List<Field> physicalList = SchemaJson.physicalFromJson(metadata.schemaString()).fields();
        for (int i = 0; i < logicalFields.size(); i++) {
            physicalFields.put(logicalFields.get(i).name(), physicalList.get(i));
        }
        return new ColumnMapping(true, mode.equalsIgnoreCase("id"), Map.copyOf(physical), Map.copyOf(logical), Map.copyOf(ids),
                Map.copyOf(physicalFields));
    }

    /** Returns whether names are mapped at all. */
    public boolean active() {
        return active;
    }

    /** Returns the physical name of a logical column (itself when unmapped). */
    public String physical(String logical) {
        return physicalByLogical.getOrDefault(logical, logical);
    }

    /**
     * Returns a column as the data files store it: named by its physical name, and for a struct, array or map column
     * with every nested struct field named by its own physical name (Delta gives nested fields physical names too).
     * Nested fields are matched by those names; the field ids Delta also assigns them are not used (the ids of
     * top-level columns are, see {@link #fieldId}).
     */
    public Field physicalField(Field logical) {
        return physicalFieldByLogical.getOrDefault(logical.name(), logical);
    }

    /**
     * Renames the struct fields inside a value read with {@link #physicalField} back to logical names, at any
     * depth; primitive values and nulls are returned as they are.
     *
     * @param value    a value of the physical column
     * @param logical  the logical field
     * @param physical the same field as {@link #physicalField} gave it
     */
    public static Object toLogical(Object value, Field logical, Field physical) {
        if (value == null || logical.nested() == null) {
            return value;
        }
        if (logical.nested() instanceof NestedType.Struct s) {
            List<Field> names = ((NestedType.Struct) physical.nested()).fields();
            Map<?, ?> in = (Map<?, ?>) value;
            Map<String, Object> out = new LinkedHashMap<>();
            for (int k = 0; k < s.fields().size(); k++) {
                out.put(s.fields().get(k).name(), toLogical(in.get(names.get(k).name()), s.fields().get(k), names.get(k)));
            }
            return Collections.unmodifiableMap(out);
        }
        if (logical.nested() instanceof NestedType.Array a) {
            Field element = ((NestedType.Array) physical.nested()).element();
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) value) {
                out.add(toLogical(e, a.element(), element));
            }
            return Collections.unmodifiableList(out);
        }
        NestedType.Map m = (NestedType.Map) logical.nested();
        NestedType.Map pm = (NestedType.Map) physical.nested();
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            out.put(toLogical(e.getKey(), m.key(), pm.key()), toLogical(e.getValue(), m.value(), pm.value()));
        }
        return Collections.unmodifiableMap(out);
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
