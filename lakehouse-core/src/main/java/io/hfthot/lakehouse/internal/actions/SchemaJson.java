package io.hfthot.lakehouse.internal.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.NestedType;
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
            if (f.nested() != null) {
                throw new UnsupportedFeatureException("nested column writing", "column '" + f.name() + "' has type "
                        + f.type().deltaName() + "; struct, array and map columns are read but not written by this module");
            }
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
     * @throws UnsupportedFeatureException for column types this module does not read, naming the column
     */
    public static Schema fromJson(String json) {
        JsonNode root;
        try {
            root = ActionJson.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new LakehouseException("corrupt Delta schemaString: " + e.getMessage(), e);
        }
        return new Schema(fields(root, "", false));
    }

    /**
     * Parses a Delta schema string with every field, nested struct fields included, named by its column-mapping
     * physical name ({@code delta.columnMapping.physicalName} in the field's metadata; the logical name when it has
     * none): the names the data files use. The shape is the same as {@link #fromJson}'s, field for field.
     */
    public static Schema physicalFromJson(String json) {
        JsonNode root;
        try {
            root = ActionJson.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new LakehouseException("corrupt Delta schemaString: " + e.getMessage(), e);
        }
        return new Schema(fields(root, "", true));
    }

    private static List<Field> fields(JsonNode struct, String prefix, boolean physical) {
        List<Field> out = new ArrayList<>();
        for (JsonNode f : struct.path("fields")) {
            String logical = f.path("name").asText();
            String name = physical ? f.path("metadata").path("delta.columnMapping.physicalName").asText(logical) : logical;
            out.add(field(prefix + logical, name, f.get("type"), f.path("nullable").asBoolean(true), physical));
        }
        return out;
    }

    /** One field; {@code path} (such as {@code a.b[]}) names it in errors. */
    private static Field field(String path, String name, JsonNode type, boolean nullable, boolean physical) {
        if (type != null && type.isObject()) {
            String kind = type.path("type").asText();
            NestedType shape = switch (kind) {
                case "struct" -> new NestedType.Struct(fields(type, path + ".", physical));
                case "array" -> new NestedType.Array(field(path + "[]", "element", type.get("elementType"),
                        type.path("containsNull").asBoolean(true), physical));
                case "map" -> new NestedType.Map(field(path + "{k}", "key", type.get("keyType"), false, physical),
                        field(path + "{v}", "value", type.get("valueType"), type.path("valueContainsNull").asBoolean(true), physical));
                default -> throw new UnsupportedFeatureException("column type " + kind + " (column '" + path + "')",
                        "nested types read: struct, array, map");
            };
            return Field.nested(name, shape, nullable);
        }
        if (type == null || !type.isTextual()) {
            throw new LakehouseException("corrupt Delta schemaString: column '" + path + "' has no type");
        }
        DataType t;
        try {
            t = DataType.fromDeltaName(type.asText());
        } catch (UnsupportedFeatureException e) {
            throw new UnsupportedFeatureException("column type " + type.asText() + " (column '" + path + "')",
                    "supported types: boolean, byte, short, integer, long, float, double, string, binary, date, timestamp,"
                            + " timestamp_ntz, decimal(p,s), and struct, array and map of those (read only)");
        }
        return new Field(name, t, nullable);
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
