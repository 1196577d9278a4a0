package io.hfthot.lakehouse.internal.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hfthot.lakehouse.LakehouseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes commit files: one JSON object per line, each holding one action, as the Delta protocol says. */
public final class ActionJson {
    /** Shared mapper; thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ActionJson() {
    }

    /**
     * Parses a commit file.
     *
     * @param source name used in error messages
     * @throws LakehouseException naming the source and line when a line is not valid JSON
     */
    public static List<Action> parse(byte[] content, String source) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<Action> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new LakehouseException("corrupt Delta log file " + source + " at line " + lineNo + ": " + e.getOriginalMessage(), e);
            }
            Action a = fromNode(node, source);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /** Converts one action object ({@code {"add": {...}}}); returns null for actions that do not affect reads here. */
    static Action fromNode(JsonNode node, String source) {
        if (node.has("add")) {
            JsonNode a = node.get("add");
            return new Action.AddFile(text(a, "path"), stringMap(a.get("partitionValues")), a.path("size").asLong(),
                    a.path("modificationTime").asLong(), a.path("dataChange").asBoolean(true), textOrNull(a, "stats"),
                    dv(a.get("deletionVector")));
        }
        if (node.has("remove")) {
            JsonNode r = node.get("remove");
            return new Action.RemoveFile(text(r, "path"), r.path("deletionTimestamp").asLong(0), r.path("dataChange").asBoolean(true),
                    stringMap(r.get("partitionValues")), r.hasNonNull("size") ? r.get("size").asLong() : null,
                    dvId(r.get("deletionVector")));
        }
        if (node.has("metaData")) {
            JsonNode m = node.get("metaData");
            List<String> parts = new ArrayList<>();
            m.path("partitionColumns").forEach(p -> parts.add(p.asText()));
            return new Action.Metadata(text(m, "id"), textOrNull(m, "name"), textOrNull(m, "description"),
                    m.path("format").path("provider").asText("parquet"), text(m, "schemaString"), parts,
                    nonNullMap(stringMap(m.get("configuration"))), m.hasNonNull("createdTime") ? m.get("createdTime").asLong() : null);
        }
        if (node.has("protocol")) {
            JsonNode p = node.get("protocol");
            return new Action.Protocol(p.path("minReaderVersion").asInt(1), p.path("minWriterVersion").asInt(1),
                    stringList(p.get("readerFeatures")), stringList(p.get("writerFeatures")));
        }
        if (node.has("commitInfo")) {
            JsonNode c = node.get("commitInfo");
            return new Action.CommitInfo(c.path("timestamp").asLong(0), c.path("operation").asText("UNKNOWN"),
                    nonNullMap(stringMap(c.get("operationParameters"))), nonNullMap(stringMap(c.get("operationMetrics"))),
                    c.hasNonNull("readVersion") ? c.get("readVersion").asLong() : null,
                    c.hasNonNull("isBlindAppend") ? c.get("isBlindAppend").asBoolean() : null,
                    textOrNull(c, "engineInfo"), textOrNull(c, "txnId"));
        }
        return null; // txn, domainMetadata, cdc, checkpointMetadata, sidecar: not needed to read table state here
    }

    private static io.hfthot.lakehouse.DeletionVector dv(JsonNode dv) {
        if (dv == null || dv.isNull()) {
            return null;
        }
        return new io.hfthot.lakehouse.DeletionVector(dv.path("storageType").asText(), dv.path("pathOrInlineDv").asText(),
                dv.hasNonNull("offset") ? dv.get("offset").asInt() : null, dv.path("sizeInBytes").asInt(),
                dv.path("cardinality").asLong());
    }

    private static String dvId(JsonNode dv) {
        if (dv == null || dv.isNull()) {
            return null;
        }
        // Protocol: the unique id of a deletion vector is storageType + pathOrInlineDv (+ "@" + offset when present).
        String id = dv.path("storageType").asText() + dv.path("pathOrInlineDv").asText();
        return dv.hasNonNull("offset") ? id + "@" + dv.get("offset").asInt() : id;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new LakehouseException("Delta log action is missing required field '" + field + "': " + n);
        }
        return v.asText();
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                out.put(e.getKey(), v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
            }
        }
        return out;
    }

    private static Map<String, String> nonNullMap(Map<String, String> m) {
        m.values().removeIf(v -> v == null);
        return m;
    }

    private static List<String> stringList(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    /** Serialises actions as a commit file, one line per action, in the order given. */
    public static byte[] serialize(List<Action> actions) {
        StringBuilder sb = new StringBuilder();
        for (Action a : actions) {
            sb.append(toNode(a).toString()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode toNode(Action action) {
        ObjectNode root = MAPPER.createObjectNode();
        if (action instanceof Action.CommitInfo c) {
            ObjectNode n = root.putObject("commitInfo");
            n.put("timestamp", c.timestamp());
            n.put("operation", c.operation());
            putMap(n.putObject("operationParameters"), c.operationParameters());
            if (c.readVersion() != null) {
                n.put("readVersion", c.readVersion());
            }
            n.put("isolationLevel", "Serializable");
            if (c.isBlindAppend() != null) {
                n.put("isBlindAppend", c.isBlindAppend());
            }
            putMap(n.putObject("operationMetrics"), c.operationMetrics());
            if (c.engineInfo() != null) {
                n.put("engineInfo", c.engineInfo());
            }
            if (c.txnId() != null) {
                n.put("txnId", c.txnId());
            }
        } else if (action instanceof Action.Protocol p) {
            ObjectNode n = root.putObject("protocol");
            n.put("minReaderVersion", p.minReaderVersion());
            n.put("minWriterVersion", p.minWriterVersion());
            if (p.readerFeatures() != null) {
                ArrayNode arr = n.putArray("readerFeatures");
                p.readerFeatures().forEach(arr::add);
            }
            if (p.writerFeatures() != null) {
                ArrayNode arr = n.putArray("writerFeatures");
                p.writerFeatures().forEach(arr::add);
            }
        } else if (action instanceof Action.Metadata m) {
            ObjectNode n = root.putObject("metaData");
            n.put("id", m.id());
            if (m.name() != null) {
                n.put("name", m.name());
            }
            if (m.description() != null) {
                n.put("description", m.description());
            }
            ObjectNode f = n.putObject("format");
            f.put("provider", m.formatProvider());
            f.putObject("options");
            n.put("schemaString", m.schemaString());
            ArrayNode pc = n.putArray("partitionColumns");
            m.partitionColumns().forEach(pc::add);
            putMap(n.putObject("configuration"), m.configuration());
            if (m.createdTime() != null) {
                n.put("createdTime", m.createdTime());
            }
        } else if (action instanceof Action.AddFile a) {
            if (a.deletionVectorId() != null) {
                throw new IllegalStateException("this module never writes deletion vectors");
            }
            ObjectNode n = root.putObject("add");
            n.put("path", a.path());
            putMap(n.putObject("partitionValues"), a.partitionValues());
            n.put("size", a.size());
            n.put("modificationTime", a.modificationTime());
            n.put("dataChange", a.dataChange());
            if (a.stats() != null) {
                n.put("stats", a.stats());
            }
        } else if (action instanceof Action.RemoveFile r) {
            ObjectNode n = root.putObject("remove");
            n.put("path", r.path());
            n.put("deletionTimestamp", r.deletionTimestamp());
            n.put("dataChange", r.dataChange());
            n.put("extendedFileMetadata", true);
            putMap(n.putObject("partitionValues"), r.partitionValues());
            if (r.size() != null) {
                n.put("size", r.size());
            }
        }
        return root;
    }

    private static void putMap(ObjectNode n, Map<String, String> m) {
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (e.getValue() == null) {
                n.putNull(e.getKey());
            } else {
                n.put(e.getKey(), e.getValue());
            }
        }
    }
}
