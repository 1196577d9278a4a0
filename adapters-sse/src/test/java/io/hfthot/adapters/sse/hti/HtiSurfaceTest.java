package io.hfthot.adapters.sse.hti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.engine.hti.HtiConfig;
import io.hfthot.engine.hti.ideas.IdeaTable;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.hti.profile.IdeaFilters;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTI routes over HTTP: contract fields, CORS, bad input everywhere, rate limits, reconnect + history. */
class HtiSurfaceTest {
    @TempDir
    static Path dir;
    static HtiServerFixture f;
    static String code;

    @BeforeAll
    static void start() throws Exception {
        f = new HtiServerFixture(dir.resolve("lab"), HtiConfig.defaults().withDemoCodes(false));
        code = f.hti.issueCode("Surface", null, 100_000, IdeaFilters.all()).code();
        f.stepUntilIdeas(1);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void authAndHistoryAnswerTheSeedFields() throws Exception {
        HttpResponse<String> auth = f.get("/client-api/hti/auth", "X-API-Code", code);
        assertEquals(200, auth.statusCode());
        JsonNode p = HtiServerFixture.json(auth).path("profile");
        for (String field : List.of("account_name", "api_code", "validity_type", "valid_until", "request_limit_per_minute",
                "filters", "authenticated_at")) {
            assertTrue(p.has(field), field + " missing in " + p);
        }
        assertTrue(p.path("valid_until").isNull());
        for (String field : List.of("asset_classes", "timeframes", "instruments", "prefixes", "sides")) {
            assertTrue(p.path("filters").path(field).isArray(), field);
        }
        HttpResponse<String> history = f.get("/client-api/hti/history?limit=5", "X-API-Code", code);
        assertEquals(200, history.statusCode());
        JsonNode h = HtiServerFixture.json(history);
        assertEquals(5, h.path("limit").asInt());
        assertEquals(h.path("ideas").size(), h.path("count").asInt());
        assertTrue(h.path("count").asInt() >= 1 && h.path("count").asInt() <= 5);
        assertTrue(h.has("served_at"));
        String previous = null;
        for (JsonNode idea : h.path("ideas")) {
            for (String field : List.of("INSTRUMENT", "TIMEFRAME", "ASSET_CLASS", "SIDE", "OPEN_ORDER_TYPE", "CONFIDENCE",
                    "ESTIMATED_PL", "PRICE", "TAKE_PROFIT", "STOP_LOSS", "PREFIX", "idea_id", "ID", "CREATION_TIME",
                    "LAST_UPDATE", "EXPIRATION_TIME", "DESCRIPTION")) {
                assertTrue(idea.has(field), field + " missing in " + idea);
            }
            String last = idea.path("LAST_UPDATE").asText();
            assertTrue(previous == null || previous.compareTo(last) >= 0, "not newest first");
            previous = last;
        }
        assertEquals(10, HtiServerFixture.json(f.get("/client-api/hti/history", "X-API-Code", code)).path("limit").asInt());
    }

    @Test
    void streamAnswersCorsForAnotherOrigin() throws Exception {
        HttpResponse<String> pre = f.http.send(HttpRequest.newBuilder(URI.create(f.base() + "/client-api/hti/history"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://page.example:8123")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "x-api-code")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(pre.statusCode() / 100 == 2, pre.toString());
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Origin").isPresent(), pre.headers().toString());
        HttpResponse<String> bad = f.get("/client-api/hti/stream?api_code=nope&poll_seconds=2", "Origin",
                "http://page.example:8123");
        assertEquals(401, bad.statusCode());
        assertTrue(bad.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void badInputIsA4xxWithDetailAndChangesNothing() throws Exception {
        long versions = f.lab.engine().lakehouse().listVersions(IdeaTable.TABLE).size();
        int profiles = f.hti.profiles().size();
        String tenKb = "x".repeat(10_240);
        Map<String, Integer> cases = new HashMap<>();
        cases.put("/client-api/hti/auth", 401);
        cases.put("/client-api/hti/history", 401);
        cases.put("/client-api/hti/stream", 401);
        // A 10 KB code in the query is longer than the transport's request line: 414, in the detail shape too.
        cases.put("/client-api/hti/stream?api_code=" + enc(tenKb), 414);
        cases.put("/client-api/hti/stream?api_code=" + enc(tenKb.substring(0, 1000)), 401);
        cases.put("/client-api/hti/stream?api_code=wrong&poll_seconds=2", 401);
        cases.put("/client-api/hti/stream?api_code=" + enc(code) + "&poll_seconds=NaN", 400);
        cases.put("/client-api/hti/stream?api_code=" + enc(code) + "&poll_seconds=1e9", 400);
        cases.put("/client-api/hti/stream?api_code=" + enc(code) + "&poll_seconds=0.5", 400);
        cases.put("/client-api/hti/stream?api_code=" + enc(code) + "&poll_seconds=abc", 400);
        cases.put("/client-api/hti/stream?api_code=" + enc(code) + "&poll_seconds=-Infinity", 400);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            HttpResponse<String> r = f.get(c.getKey());
            assertEquals((int) c.getValue(), r.statusCode(), c.getKey().substring(0, Math.min(120, c.getKey().length())));
            assertTrue(HtiServerFixture.json(r).path("detail").isTextual(), r.body());
        }
        for (String limit : List.of("abc", "0", "-1", "101", "1e9", "1.5", "99999999999999999999", "")) {
            HttpResponse<String> r = f.get("/client-api/hti/history?limit=" + enc(limit), "X-API-Code", code);
            assertEquals(400, r.statusCode(), "limit=" + limit + ": " + r.body());
            assertTrue(HtiServerFixture.json(r).path("detail").asText().contains("limit"), r.body());
        }
        for (String header : List.of(tenKb.substring(0, 4000), "wrong", " ")) {
            HttpResponse<String> r = f.get("/client-api/hti/auth", "X-API-Code", header);
            assertEquals(401, r.statusCode());
            assertTrue(HtiServerFixture.json(r).path("detail").isTextual(), r.body());
        }
        // Admin: no token, wrong token, bad bodies.
        String token = Files.readString(f.hti.adminToken().file()).strip();
        assertEquals(401, post("/admin/hti/codes", "{}", "nope").statusCode());
        for (String body : List.of("{", "[]", "{\"account_name\": \"A\", \"valid_until\": \"tomorrow\"}",
                "{\"account_name\": \"A\", \"request_limit_per_minute\": 0}",
                "{\"account_name\": \"\"}", "{\"account_name\": \"A\", \"filters\": {\"sides\": [\"BU,Y\"]}}",
                "{\"account_name\": \"A\", \"unknown\": 1}", "{\"account_name\": \"A\", \"valid_until\": \"2000-01-01T00:00:00Z\"}")) {
            HttpResponse<String> r = post("/admin/hti/codes", body, token);
            assertEquals(400, r.statusCode(), body + ": " + r.body());
            assertTrue(HtiServerFixture.json(r).path("detail").isTextual(), r.body());
        }
        assertEquals(404, f.http.send(HttpRequest.newBuilder(URI.create(f.base() + "/admin/hti/codes/0000000000000000"))
                .DELETE().header("X-Admin-Token", token).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(versions, f.lab.engine().lakehouse().listVersions(IdeaTable.TABLE).size());
        assertEquals(profiles, f.hti.profiles().size());
    }

    private static HttpResponse<String> post(String path, String body, String token) throws Exception {
        return f.http.send(HttpRequest.newBuilder(URI.create(f.base() + path)).header("Content-Type", "application/json")
                .header("X-Admin-Token", token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminIssuesACodeThatAuthenticatesAndOverItsLimitIs429WithRetryAfter() throws Exception {
        String token = Files.readString(f.hti.adminToken().file()).strip();
        HttpResponse<String> created = post("/admin/hti/codes", "{\"account_name\": \"Limited\", \"request_limit_per_minute\": 2,"
                + " \"filters\": {\"asset_classes\": [\"forex\"], \"sides\": [\"BUY\"]}}", token);
        assertEquals(201, created.statusCode(), created.body());
        String limited = HtiServerFixture.json(created).path("api_code").asText();
        JsonNode profile = HtiServerFixture.json(f.get("/client-api/hti/auth", "X-API-Code", limited)).path("profile");
        assertEquals("Limited", profile.path("account_name").asText());
        assertEquals("FOREX", profile.path("filters").path("asset_classes").get(0).asText());
        assertEquals(200, f.get("/client-api/hti/history", "X-API-Code", limited).statusCode());
        HttpResponse<String> over = f.get("/client-api/hti/history", "X-API-Code", limited);
        assertEquals(429, over.statusCode());
        assertTrue(HtiServerFixture.json(over).path("detail").asText().contains("2 requests per minute"), over.body());
        long retry = Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
    }

    @Test
    void aCodeRevokedWhileConnectedEndsTheStreamWithAnErrorEvent() throws Exception {
        String token = Files.readString(f.hti.adminToken().file()).strip();
        io.hfthot.engine.hti.profile.IssuedApiCode doomed = f.hti.issueCode("Doomed", null, 60, IdeaFilters.all());
        HttpResponse<java.io.InputStream> stream = f.http.send(HttpRequest.newBuilder(URI.create(f.base()
                + "/client-api/hti/stream?api_code=" + enc(doomed.code()) + "&poll_seconds=1")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        assertEquals("event: ready", r.readLine());
        HttpResponse<String> revoked = f.http.send(HttpRequest.newBuilder(URI.create(f.base() + "/admin/hti/codes/"
                + doomed.profile().codeId())).DELETE().header("X-Admin-Token", token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, revoked.statusCode(), revoked.body());
        String last = null;
        for (String l; (l = r.readLine()) != null; ) {
            if (l.equals("event: error")) {
                last = r.readLine();
                break;
            }
        }
        assertTrue(last != null && last.startsWith("data: ") && last.contains("expired"), String.valueOf(last));
        assertEquals("", r.readLine(), "the blank line ending the error event");
        assertEquals(null, r.readLine(), "the stream ends after the error event");
        assertEquals(401, f.get("/client-api/hti/auth", "X-API-Code", doomed.code()).statusCode());
    }

    @Test
    void reconnectPlusHistoryRecoversEveryIdeaMissedWhileDisconnected() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(f.base() + "/client-api/hti/stream?api_code=" + enc(code)
                + "&poll_seconds=1")).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> first = f.http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, first.statusCode());
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BufferedReader r = new BufferedReader(new InputStreamReader(first.body(), StandardCharsets.UTF_8));
        assertEquals("event: ready", r.readLine());
        first.body().close();
        // While disconnected: several passes.
        Map<Long, TradeIdea> missed = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            for (TradeIdea idea : f.stepUntilIdeas(3)) {
                missed.put(idea.id(), idea);
            }
        }
        HttpResponse<java.io.InputStream> again = f.http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, again.statusCode());
        again.body().close();
        JsonNode history = HtiServerFixture.json(f.get("/client-api/hti/history?limit=100", "X-API-Code", code));
        Set<String> served = new HashSet<>();
        for (JsonNode idea : history.path("ideas")) {
            served.add(idea.path("idea_id").asText() + "@" + idea.path("LAST_UPDATE").asText());
        }
        assertTrue(missed.size() <= 100, "more missed ideas than one history page: " + missed.size());
        for (TradeIdea idea : missed.values()) {
            assertTrue(served.contains(idea.ideaId() + "@" + idea.lastUpdate()), idea.ideaId() + " not recovered");
        }
    }
}
