package io.hfthot.lakehouse.internal.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.Schema;
import io.hfthot.lakehouse.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;

/** Converts between {@link Schema} and the Delta {@code schemaString} (a JSON struct type). */
public final class SchemaJson {
    private SchemaJson() {
    }

    /** Serialises a schema as Delta JSON. */
    public static String toJson(Schema schema) {
        ObjectNode root = ActionJson.MAPPER.createObjectNode();
        root.put("type", "struct");
        ArrayNode fields = root.putArray("fields");
        for (Field f : schema.fields()) {
            ObjectNode n = fields.addObject();
            n.put("name", f.name());
            n.put("type", f.type().deltaName());
            n.put("nullable", f.nullable());
            n.putObject("metadata");
        }
        return root.toString();
    }

    /**
     * Parses a Delta schema string.
     *
     * @throws UnsupportedFeatureException for nested, decimal or other unsupported column types, naming the column
     */
    public static Schema fromJson(String json) {
        JsonNode root;
        try {
            root = ActionJson.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new LakehouseException("corrupt Delta schemaString: " + e.getMessage(), e);
        }
        List<Field> out = new ArrayList<>();
        for (JsonNode f : root.path("fields")) {
            String name = f.path("name").asText();
            JsonNode type = f.get("type");
            if (type == null || !type.isTextual()) {
                throw new UnsupportedFeatureException("nested column type (column '" + name + "')",
                        "only primitive columns are read and written by this module");
            }
            DataType t;
            try {
                t = DataType.fromDeltaName(type.asText());
            } catch (UnsupportedFeatureException e) {
                throw new UnsupportedFeatureException("column type " + type.asText() + " (column '" + name + "')",
                        "supported types: boolean, byte, short, integer, long, float, double, string, binary, date, timestamp, timestamp_ntz, decimal(p,s) (read only)");
            }
            out.add(new Field(name, t, f.path("nullable").asBoolean(true)));
        }
        return new Schema(out);
    }

    /** Returns the names of columns carrying Delta column invariants ({@code delta.invariants}), which writers must enforce. */
    public static List<String> columnsWithInvariants(String json) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode f : ActionJson.MAPPER.readTree(json).path("fields")) {
                if (f.path("metadata").has("delta.invariants")) {
                    out.add(f.path("name").asText());
                }
            }
        } catch (Exception e) {
            throw new LakehouseException("corrupt Delta schemaString: " + e.getMessage(), e);
        }
        return out;
    }
}
