package io.hfthot.adapters.http;

import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.adapters.http.jetty.TransportConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routing, validation, error shapes, filters, gzip and CORS through a real listener and HTTP client. */
class HttpSurfaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static TransportServer hfthot;
    private static TransportServer hub;

    record CreateAgent(String name, int capital) {
        CreateAgent {
            Validation.nonBlank(name, "name", 64);
            Validation.require(capital > 0, "capital", capital, "an integer > 0");
        }
    }

    /** A quota-like filter: rejects key "over", admits others and marks the principal. */
    static final RequestFilter API_KEY = request -> {
        if (request.routePattern().equals("/v1/health")) {
            return;
        }
        String key = request.header("X-HFThot-API-Key").orElseThrow(() ->
                new ApiException(ErrorKind.UNAUTHORIZED, "missing X-HFThot-API-Key header"));
        request.setResponseHeader("X-RateLimit-Limit", "60");
        if (key.equals("over")) {
            request.setResponseHeader("X-RateLimit-Remaining", "0");
            throw new ApiException(ErrorKind.RATE_LIMITED, "rate limit of 60 requests per minute exceeded");
        }
        request.setResponseHeader("X-RateLimit-Remaining", "59");
        request.attributes().put("principal", "user-" + key);
    };

    @BeforeAll
    static void start() throws IOException {
        HttpSurface hfthotSurface = HttpSurface.builder("hfthot", ErrorShape.CODE_MESSAGE)
                .get("/v1/health", r -> Response.ok(Map.of("status", "ok")))
                .get("/v1/whoami", r -> Response.ok(Map.of("principal", r.attribute("principal", String.class).orElse("-"))))
                .get("/v1/market/ohlcv", r -> {
                    String symbol = r.query().requiredString("symbol");
                    int limit = r.query().optionalInt("limit", 500, 1, 5000);
                    return Response.ok(Map.of("symbol", symbol, "limit", limit));
                })
                .get("/v1/big", r -> Response.ok(Map.of("data", "x".repeat(5000))))
                .get("/v1/sized", r -> Response.ok(Map.of("data", "y".repeat(r.query().optionalInt("n", 0, 0, 1 << 20)))))
                .get("/v1/boom", r -> {
                    throw new IllegalStateException("a bug");
                })
                .get("/v1/library-refusal", r -> {
                    throw new IllegalArgumentException("lookback must be >= 2, got 1");
                })
                .get("/v1/quant-refusal", r -> {
                    throw new io.hfthot.quant.InvalidParameterException("lookback", "must be >= 2, got 1");
                })
                .get("/v1/engine-refusal", r -> {
                    throw io.hfthot.engine.EngineException.invalid("lookback_days", "must be >= 2, got 1");
                })
                .filter(API_KEY)
                .cors(CorsPolicy.allowing(Set.of("https://app.example")))
                .build();
        HttpSurface hubSurface = HttpSurface.builder("hub", ErrorShape.DETAIL)
                .post("/api/agents", r -> Response.json(201, r.body(CreateAgent.class)))
                .get("/api/agents/{id}", r -> Response.ok(Map.of("id", r.pathParamLong("id"))))
                .delete("/api/agents/{id}", r -> Response.noContent())
                .maxBodyBytes(256)
                .build();
        hfthot = TransportServer.start(TransportConfig.of("127.0.0.1", 0), hfthotSurface);
        hub = TransportServer.start(TransportConfig.of("127.0.0.1", 0), hubSurface);
    }

    @AfterAll
    static void stop() {
        hfthot.close();
        hub.close();
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder get(TransportServer s, String path) {
        return HttpRequest.newBuilder(URI.create(s.baseUri() + path)).header("X-HFThot-API-Key", "k1");
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private static HttpResponse<byte[]> postJson(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(hub.baseUri() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aBodyTheHandlerNeverReadIsDrainedSoTheConnectionCarriesTheNextRequest() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", hfthot.port())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/whoami HTTP/1.1\r\nHost: t\r\nX-HFThot-API-Key: k1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 7\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The body arrives only after the server has answered 405 without reading it.
            Thread.sleep(300);
            out.write(("{\"a\":1}GET /v1/health HTTP/1.1\r\nHost: t\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            java.io.InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            int c;
            while (!seen.toString().contains("{\"status\":\"ok\"}") && (c = in.read()) >= 0) {
                seen.append((char) c);
            }
            String both = seen.toString();
            assertTrue(both.startsWith("HTTP/1.1 405"), both);
            assertTrue(both.contains("HTTP/1.1 200") && both.endsWith("{\"status\":\"ok\"}"),
                    "the second request on the connection got no answer: " + both);
        }
    }

    @Test
    void servesJsonWithARequestIdHeader() throws Exception {
        HttpResponse<byte[]> r = send(get(hfthot, "/v1/market/ohlcv?symbol=BTC-USDT&limit=100"));
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"symbol\":\"BTC-USDT\",\"limit\":100}".length(), r.body().length);
        assertEquals("BTC-USDT", json(r).get("symbol").asText());
        assertEquals(16, r.headers().firstValue("X-Request-Id").orElseThrow().length());
    }

    @Test
    void echoesASafeClientRequestIdAndReplacesAnUnsafeOne() throws Exception {
        assertEquals("trace-123", send(get(hfthot, "/v1/health").header("X-Request-Id", "trace-123"))
                .headers().firstValue("X-Request-Id").orElseThrow());
        String replaced = send(get(hfthot, "/v1/health").header("X-Request-Id", "bad id with spaces"))
                .headers().firstValue("X-Request-Id").orElseThrow();
        assertFalse(replaced.contains(" "));
    }

    @Test
    void codeMessageShapeForSeed000() throws Exception {
        HttpResponse<byte[]> notFound = send(get(hfthot, "/v1/nope"));
        assertEquals(404, notFound.statusCode());
        assertEquals("NOT_FOUND", json(notFound).get("code").asText());
        assertEquals("no route for GET /v1/nope", json(notFound).get("message").asText());

        HttpResponse<byte[]> wrongMethod = send(get(hfthot, "/v1/health").DELETE());
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("GET, HEAD, OPTIONS", wrongMethod.headers().firstValue("Allow").orElseThrow());
        assertEquals("METHOD_NOT_ALLOWED", json(wrongMethod).get("code").asText());

        HttpResponse<byte[]> invalid = send(get(hfthot, "/v1/market/ohlcv?symbol=BTC-USDT&limit=0"));
        assertEquals(400, invalid.statusCode());
        assertEquals("INVALID_PARAMS", json(invalid).get("code").asText());
        assertEquals("query parameter 'limit' = 0 is out of range; expected [1, 5000]", json(invalid).get("message").asText());
        assertEquals(Set.of("code", "message"), fieldNames(json(invalid)));
    }

    @Test
    void detailShapeForTheOtherSeeds() throws Exception {
        HttpResponse<byte[]> notFound = send(HttpRequest.newBuilder(URI.create(hub.baseUri() + "/nope")));
        assertEquals(404, notFound.statusCode());
        assertEquals(Set.of("detail"), fieldNames(json(notFound)));
        HttpResponse<byte[]> wrongMethod = send(HttpRequest.newBuilder(URI.create(hub.baseUri() + "/api/agents")));
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("OPTIONS, POST", wrongMethod.headers().firstValue("Allow").orElseThrow());
        HttpResponse<byte[]> badId = send(HttpRequest.newBuilder(URI.create(hub.baseUri() + "/api/agents/abc")));
        assertEquals(400, badId.statusCode());
        assertEquals("path parameter 'id' = 'abc' is not an integer", json(badId).get("detail").asText());
        assertEquals(42, json(send(HttpRequest.newBuilder(URI.create(hub.baseUri() + "/api/agents/42")))).get("id").asInt());
        assertEquals(204, send(HttpRequest.newBuilder(URI.create(hub.baseUri() + "/api/agents/42")).DELETE()).statusCode());
    }

    @Test
    void bodiesAreDecodedAndEveryBadBodyIsA400NamingTheProblem() throws Exception {
        HttpResponse<byte[]> ok = postJson("/api/agents", "{\"name\":\"mm-1\",\"capital\":1000}");
        assertEquals(201, ok.statusCode());
        assertEquals("mm-1", json(ok).get("name").asText());

        HttpResponse<byte[]> malformed = postJson("/api/agents", "{\"name\": \"mm-1\",\n \"capital\": }");
        assertEquals(400, malformed.statusCode());
        assertTrue(json(malformed).get("detail").asText().startsWith("malformed JSON at line 2, column"),
                json(malformed).get("detail").asText());

        HttpResponse<byte[]> invalid = postJson("/api/agents", "{\"name\":\"mm-1\",\"capital\":-5}");
        assertEquals(400, invalid.statusCode());
        assertEquals("field 'capital' = -5 is not accepted; expected an integer > 0", json(invalid).get("detail").asText());

        HttpResponse<byte[]> missing = postJson("/api/agents", "{\"capital\":5}");
        assertEquals(400, missing.statusCode());
        assertEquals("field 'name' is required", json(missing).get("detail").asText());

        HttpResponse<byte[]> wrongType = send(HttpRequest.newBuilder(URI.create(hub.baseUri() + "/api/agents"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")));
        assertEquals(415, wrongType.statusCode());
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        HttpResponse<byte[]> r = postJson("/api/agents", "{\"name\":\"" + "n".repeat(1000) + "\",\"capital\":1}");
        assertEquals(413, r.statusCode());
        assertEquals("request body exceeds the limit of 256 bytes", json(r).get("detail").asText());
    }

    @Test
    void bugsAndUnnamedLibraryRefusalsAre500ButNamedParameterRefusalsAre400() throws Exception {
        HttpResponse<byte[]> bug = send(get(hfthot, "/v1/boom"));
        assertEquals(500, bug.statusCode());
        assertEquals("INTERNAL_ERROR", json(bug).get("code").asText());
        String id = bug.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(json(bug).get("message").asText().contains(id));
        assertFalse(json(bug).get("message").asText().contains("a bug"));

        // A library's IllegalArgumentException names no parameter: the surface cannot tell it is the client's fault.
        HttpResponse<byte[]> library = send(get(hfthot, "/v1/library-refusal"));
        assertEquals(500, library.statusCode());
        assertEquals("INTERNAL_ERROR", json(library).get("code").asText());
        assertFalse(json(library).get("message").asText().contains("lookback"));

        HttpResponse<byte[]> quant = send(get(hfthot, "/v1/quant-refusal"));
        assertEquals(400, quant.statusCode());
        assertEquals("INVALID_PARAMS", json(quant).get("code").asText());
        assertEquals("parameter 'lookback': must be >= 2, got 1", json(quant).get("message").asText());

        HttpResponse<byte[]> engine = send(get(hfthot, "/v1/engine-refusal"));
        assertEquals(400, engine.statusCode());
        assertEquals("parameter 'lookback_days': must be >= 2, got 1", json(engine).get("message").asText());
    }

    @Test
    void filtersRejectInTheSurfaceShapeWithTheirHeadersAndPassAttributes() throws Exception {
        HttpResponse<byte[]> anonymous = send(HttpRequest.newBuilder(URI.create(hfthot.baseUri() + "/v1/whoami")));
        assertEquals(401, anonymous.statusCode());
        assertEquals("UNAUTHORIZED", json(anonymous).get("code").asText());

        HttpResponse<byte[]> limited = send(get(hfthot, "/v1/whoami").setHeader("X-HFThot-API-Key", "over"));
        assertEquals(429, limited.statusCode());
        assertEquals("RATE_LIMITED", json(limited).get("code").asText());
        assertEquals("0", limited.headers().firstValue("X-RateLimit-Remaining").orElseThrow());

        HttpResponse<byte[]> ok = send(get(hfthot, "/v1/whoami"));
        assertEquals("user-k1", json(ok).get("principal").asText());
        assertEquals("59", ok.headers().firstValue("X-RateLimit-Remaining").orElseThrow());

        assertEquals(200, send(HttpRequest.newBuilder(URI.create(hfthot.baseUri() + "/v1/health"))).statusCode());
    }

    @Test
    void unknownRoutesAre404BeforeAnyFilterRuns() throws Exception {
        assertEquals(404, send(HttpRequest.newBuilder(URI.create(hfthot.baseUri() + "/v1/secret"))).statusCode());
    }

    @Test
    void gzipWhenAskedAndLargeEnough() throws Exception {
        HttpResponse<byte[]> zipped = send(get(hfthot, "/v1/big").header("Accept-Encoding", "gzip"));
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElseThrow());
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        assertEquals(5000, JSON.readTree(plain).get("data").asText().length());
        assertTrue(zipped.body().length < plain.length / 10);

        HttpResponse<byte[]> small = send(get(hfthot, "/v1/health").header("Accept-Encoding", "gzip"));
        assertTrue(small.headers().firstValue("Content-Encoding").isEmpty());
        HttpResponse<byte[]> notAsked = send(get(hfthot, "/v1/big"));
        assertTrue(notAsked.headers().firstValue("Content-Encoding").isEmpty());
    }

    @Test
    void corsPreflightAndSimpleRequests() throws Exception {
        HttpResponse<byte[]> preflight = send(HttpRequest.newBuilder(URI.create(hfthot.baseUri() + "/v1/whoami"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-hfthot-api-key"));
        assertEquals(204, preflight.statusCode());
        assertEquals("https://app.example", preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("GET, HEAD, OPTIONS", preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertEquals("x-hfthot-api-key", preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());

        HttpResponse<byte[]> simple = send(get(hfthot, "/v1/health").header("Origin", "https://app.example"));
        assertEquals("https://app.example", simple.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(simple.headers().firstValue("Access-Control-Expose-Headers").orElseThrow().contains("X-Request-Id"));

        HttpResponse<byte[]> foreign = send(HttpRequest.newBuilder(URI.create(hfthot.baseUri() + "/v1/whoami"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET"));
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void jsonBodiesOfVeryDifferentSizesInTurnComeOutWholeWithTheirLength() throws Exception {
        // Bodies are encoded into a per-thread buffer that is reused, and dropped when it grew large.
        for (int n : new int[] {300_000, 3, 70_000, 0, 16_384, 1, 65_536, 2}) {
            HttpResponse<byte[]> r = send(get(hfthot, "/v1/sized?n=" + n));
            assertEquals(200, r.statusCode());
            assertEquals(n, json(r).get("data").asText().length());
            assertTrue(json(r).get("data").asText().chars().allMatch(c -> c == 'y'));
            assertEquals(r.body().length, Integer.parseInt(r.headers().firstValue("Content-Length").orElseThrow()));
        }
    }

    @Test
    void theSurfaceAlsoRunsInTheJdkServer() throws Exception {
        com.sun.net.httpserver.HttpServer jdk = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        jdk.createContext("/", new io.hfthot.adapters.http.jdk.SurfaceHttpHandler(hub.surface()));
        jdk.start();
        try {
            String base = "http://127.0.0.1:" + jdk.getAddress().getPort();
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(base + "/api/agents/7")));
            assertEquals(7, json(r).get("id").asInt());
            assertNotNull(r.headers().firstValue("X-Request-Id").orElse(null));
            assertEquals(404, send(HttpRequest.newBuilder(URI.create(base + "/x"))).statusCode());
        } finally {
            jdk.stop(0);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
