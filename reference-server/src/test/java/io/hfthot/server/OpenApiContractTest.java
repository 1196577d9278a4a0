package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hfthot.engine.lab.api.GeneratedKey;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document cannot drift from the server: for every operation it documents, every constraint it states
 * (required parameters and properties, enums, bounds, exclusive bounds, patterns, integer types, minItems,
 * maxItems, uniqueItems, additionalProperties false, and the x-hfthot-exactly-one-of combinations) is sent to a
 * running server, just inside and just outside, and the answer must be the documented one: a documented success
 * inside, 400 INVALID_PARAMS naming the field outside. The requests are generated from the document itself, so a
 * constraint added to it is tested without touching this class. A property whose valid range also depends on other
 * fields or on the stored history (marked {@code x-hfthot-depends-on}, e.g. a backtest's {@code start_time}) is
 * probed from outside its bounds only: inside them, success depends on what the document cannot state.
 */
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The routes whose success depends on things the document cannot state (a key to revoke, the doc itself). */
    private static final List<String> NOT_GENERATED = List.of("/v1/keys/{key_id}", "/v1/openapi.json");

    @TempDir
    static Path data;
    static ReferenceServer server;
    static String key;
    static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        server = ReferenceServer.start(ServerConfig.ephemeral(data));
        key = server.lab().demoKeys().stream().map(GeneratedKey::apiKey).filter(k -> k.startsWith("hft_ent_"))
                .findFirst().orElseThrow();
        HttpResponse<String> r = send("GET", "/v1/openapi.json", Map.of(), null);
        assertEquals(200, r.statusCode());
        doc = JSON.readTree(r.body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> query, JsonNode body)
            throws Exception {
        StringBuilder uri = new StringBuilder(server.baseUri(ReferenceServer.Surface.HFTHOT)).append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            uri.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(60))
                .header("X-HFThot-API-Key", key);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One generated request and the answer the document promises. */
    private record Probe(String what, Map<String, String> query, JsonNode body, boolean valid, String field) {
    }

    @Test
    void everyDocumentedConstraintGetsTheDocumentedAnswer() throws Exception {
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (NOT_GENERATED.contains(path.getKey())) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                JsonNode responses = op.getValue().get("responses");
                for (Probe p : probes(op.getValue())) {
                    probes++;
                    HttpResponse<String> r = send(method, path.getKey(), p.query, p.body);
                    String label = method + " " + path.getKey() + " " + p.what + " query=" + p.query
                            + (p.body == null ? "" : " body=" + p.body) + " -> " + r.statusCode() + " " + abbreviate(r.body());
                    if (!responses.has(Integer.toString(r.statusCode()))) {
                        failures.add("undocumented status: " + label);
                    } else if (p.valid && (r.statusCode() == 400 || r.statusCode() >= 500)) {
                        failures.add("valid request refused: " + label);
                    } else if (!p.valid && (r.statusCode() != 400 || !r.body().contains("\"INVALID_PARAMS\"")
                            || !JSON.readTree(r.body()).path("message").asText().contains(p.field))) {
                        failures.add("invalid request not refused with 400 INVALID_PARAMS naming '" + p.field + "': " + label);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + probes + " probes disagree with the document:\n"
                + String.join("\n", failures));
        assertTrue(probes > 100, "probes generated: " + probes);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static List<Probe> probes(JsonNode op) {
        List<Probe> out = new ArrayList<>();
        List<JsonNode> params = new ArrayList<>();
        op.path("parameters").forEach(params::add);
        List<String> exactlyOne = new ArrayList<>();
        op.path("x-hfthot-exactly-one-of").forEach(n -> exactlyOne.add(n.asText()));
        Map<String, String> base = new LinkedHashMap<>();
        for (JsonNode p : params) {
            String name = p.get("name").asText();
            if (p.path("required").asBoolean() || (!exactlyOne.isEmpty() && exactlyOne.get(0).equals(name))) {
                base.put(name, sample(name, p.get("schema")));
            }
        }
        JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
        JsonNode bodySchema = schema.isMissingNode() ? null : resolve(schema);
        JsonNode baseBody = bodySchema == null ? null : bodySchema.get("example");
        if (bodySchema != null && baseBody == null) {
            throw new AssertionError("request body schema without an example to start from: " + bodySchema);
        }
        out.add(new Probe("as documented", base, baseBody, true, null));
        for (JsonNode p : params) {
            String name = p.get("name").asText();
            JsonNode s = p.get("schema");
            if (p.path("required").asBoolean()) {
                out.add(new Probe("without required " + name, without(base, name), baseBody, false, name));
            }
            for (Map.Entry<String, Boolean> v : values(s).entrySet()) {
                out.add(new Probe(name + "=" + v.getKey(), with(base, name, v.getKey()), baseBody, v.getValue(), name));
            }
        }
        if (!exactlyOne.isEmpty()) {
            Map<String, String> none = new LinkedHashMap<>(base);
            exactlyOne.forEach(none::remove);
            out.add(new Probe("none of " + exactlyOne, none, baseBody, false, exactlyOne.get(0)));
            Map<String, String> all = new LinkedHashMap<>(base);
            for (JsonNode p : params) {
                if (exactlyOne.contains(p.get("name").asText())) {
                    all.put(p.get("name").asText(), sample(p.get("name").asText(), p.get("schema")));
                }
            }
            out.add(new Probe("all of " + exactlyOne, all, baseBody, false, exactlyOne.get(0)));
        }
        if (bodySchema != null) {
            out.addAll(bodyProbes(base, bodySchema, (ObjectNode) baseBody));
        }
        return out;
    }

    private static List<Probe> bodyProbes(Map<String, String> query, JsonNode schema, ObjectNode base) {
        List<Probe> out = new ArrayList<>();
        for (JsonNode required : schema.path("required")) {
            ObjectNode b = base.deepCopy();
            b.remove(required.asText());
            out.add(new Probe("body without required " + required.asText(), query, b, false, required.asText()));
        }
        if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true)) {
            ObjectNode b = base.deepCopy();
            b.put("not_a_field", 1);
            out.add(new Probe("body with an unknown field", query, b, false, "not_a_field"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext(); ) {
            Map.Entry<String, JsonNode> prop = props.next();
            String name = prop.getKey();
            JsonNode s = prop.getValue();
            boolean dependent = s.has("x-hfthot-depends-on");
            for (Map.Entry<String, Boolean> v : values(s).entrySet()) {
                if (dependent && v.getValue()) {
                    continue;
                }
                ObjectNode b = base.deepCopy();
                b.set(name, JSON.valueToTree(typed(s, v.getKey())));
                out.add(new Probe("body " + name + "=" + v.getKey(), query, b, v.getValue(), name));
            }
            if (s.path("type").asText().equals("array") && base.has(name)) {
                out.addAll(arrayProbes(query, base, name, s));
            }
        }
        return out;
    }

    /** minItems, maxItems and uniqueItems of an array property, starting from the example's items. */
    private static List<Probe> arrayProbes(Map<String, String> query, ObjectNode base, String name, JsonNode s) {
        List<Probe> out = new ArrayList<>();
        ArrayNode example = (ArrayNode) base.get(name);
        if (s.has("minItems")) {
            ObjectNode b = base.deepCopy();
            ArrayNode a = b.putArray(name);
            for (int i = 0; i < s.get("minItems").asInt() - 1; i++) {
                a.add(example.get(i % example.size()));
            }
            out.add(new Probe("body " + name + " below minItems", query, b, false, name));
        }
        if (s.has("maxItems")) {
            ObjectNode b = base.deepCopy();
            ArrayNode a = b.putArray(name);
            for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                a.add(example.get(0).asText() + (i == 0 ? "" : "-" + i));
            }
            out.add(new Probe("body " + name + " above maxItems", query, b, false, name));
        }
        if (s.path("uniqueItems").asBoolean()) {
            ObjectNode b = base.deepCopy();
            ((ArrayNode) b.get(name)).add(example.get(0));
            out.add(new Probe("body " + name + " with a duplicate", query, b, false, name));
        }
        return out;
    }

    /** Values to try for a schema, each with whether it is valid: enums, bounds, patterns, types. */
    private static Map<String, Boolean> values(JsonNode s) {
        Map<String, Boolean> v = new LinkedHashMap<>();
        String type = s.path("type").asText();
        if (s.has("enum")) {
            s.get("enum").forEach(e -> v.put(e.asText(), true));
            v.put("not-one-of-the-enum", false);
        }
        if (type.equals("integer") || type.equals("number")) {
            if (s.has("minimum")) {
                long min = s.get("minimum").asLong();
                boolean exclusive = s.path("exclusiveMinimum").asBoolean();
                v.put(Long.toString(min), !exclusive);
                v.put(Long.toString(min - 1), false);
            }
            if (s.has("maximum")) {
                long max = s.get("maximum").asLong();
                v.put(Long.toString(max), true);
                v.put(Long.toString(max + 1), false);
            }
            if (type.equals("integer")) {
                v.put("1.5", false);
            }
        }
        if (s.has("pattern")) {
            v.put("does not match", false);
        }
        return v;
    }

    /** A JSON value of the schema's type from a query-style string ("1.5" stays a number, to test integer types). */
    private static Object typed(JsonNode s, String value) {
        String type = s.path("type").asText();
        if ((type.equals("integer") || type.equals("number")) && value.matches("-?\\d+(\\.\\d+)?")) {
            return value.contains(".") ? (Object) Double.parseDouble(value) : (Object) Long.parseLong(value);
        }
        return value;
    }

    private static String sample(String name, JsonNode s) {
        if (s.has("example")) {
            return s.get("example").asText();
        }
        if (s.has("default")) {
            return s.get("default").asText();
        }
        if (s.has("enum")) {
            return s.get("enum").get(0).asText();
        }
        return switch (name) {
            case "sql" -> "SELECT 1 AS one";
            case "timestamp" -> Long.toString(System.currentTimeMillis());
            default -> s.has("minimum") ? s.get("minimum").asText() : "x";
        };
    }

    private static JsonNode resolve(JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        String[] parts = schema.get("$ref").asText().substring(2).split("/");
        JsonNode n = doc;
        for (String p : parts) {
            n = n.get(p);
        }
        return n;
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(name, value);
        return m;
    }

    private static Map<String, String> without(Map<String, String> base, String name) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.remove(name);
        return m;
    }

    @Test
    void serversNameTheListenerThatServedTheDocument() {
        assertEquals(server.baseUri(ReferenceServer.Surface.HFTHOT), doc.get("servers").get(0).get("url").asText());
    }

    @Test
    void theHealthRouteIsDocumentedAndAnswersAsDocumented() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/health", Map.of(), null);
        assertEquals(200, r.statusCode());
        JsonNode schema = resolve(doc.at("/paths/~1v1~1health/get/responses/200/content/application~1json/schema"));
        JsonNode body = JSON.readTree(r.body());
        schema.get("required").forEach(f -> assertTrue(body.has(f.asText()), f.asText()));
        List<String> statuses = new ArrayList<>();
        schema.at("/properties/status/enum").forEach(e -> statuses.add(e.asText()));
        assertTrue(statuses.contains(body.get("status").asText()), body.toString());
    }

    @Test
    void swaggerUiShowsTheServersOwnDocument() throws Exception {
        HttpResponse<String> bare = send("GET", "/v1/docs", Map.of(), null);
        assertEquals(302, bare.statusCode());
        assertEquals("/v1/docs/", bare.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> index = send("GET", "/v1/docs/", Map.of(), null);
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(index.body().contains("swagger-ui-bundle.js"), index.body());
        HttpResponse<String> init = send("GET", "/v1/docs/swagger-initializer.js", Map.of(), null);
        assertTrue(init.body().contains("url: \"/v1/openapi.json\"") && !init.body().contains("petstore"), init.body());
        HttpResponse<String> bundle = send("GET", "/v1/docs/swagger-ui-bundle.js", Map.of(), null);
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.body().length() > 100_000, "the real bundle from the WebJar");
        String etag = bundle.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri(ReferenceServer.Surface.HFTHOT)
                + "/v1/docs/swagger-ui-bundle.js")).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        // Jetty itself refuses an encoded slash in a path (400); a dot file is not served (404).
        assertEquals(400, send("GET", "/v1/docs/..%2Fpom.properties", Map.of(), null).statusCode());
        assertEquals(404, send("GET", "/v1/docs/.hidden", Map.of(), null).statusCode());
        assertEquals(404, send("GET", "/v1/docs/nothing.js", Map.of(), null).statusCode());
    }
}
