package io.hfthot.adapters.http.lab;

import static io.hfthot.adapters.http.lab.LabServerFixture.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.engine.identity.Tier;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every seed-000 REST route through the JDK HTTP client against a real engine on 127.0.0.1:0: the happy
 * path with seed 000's field names, each tier gate, each error code and bad input on every route.
 */
class LabRestEndToEndTest {
    @TempDir
    static Path dir;
    static LabServerFixture lab;
    static String free;
    static String hob;
    static String pro;
    static String ent;

    @BeforeAll
    static void start() throws Exception {
        lab = new LabServerFixture(dir, LabHttpOptions.defaults());
        free = lab.key(Tier.FREE_BETA);
        hob = lab.key(Tier.HOBBYIST);
        pro = lab.key(Tier.PROFESSIONAL);
        ent = lab.key(Tier.ENTERPRISE);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String mentions) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(code, body.path("code").asText(), r.body());
        assertTrue(body.path("message").asText().contains(mentions), "message should name '" + mentions + "': " + r.body());
        assertEquals(2, body.size(), "seed 000's error body has exactly code and message: " + r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void ohlcvAnswersSeedShapeWithRateLimitHeaders() throws Exception {
        HttpResponse<String> r = lab.get("/v1/market/ohlcv?symbol=BTC-USDT&interval=5m&limit=100", pro);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals("BTC-USDT", body.path("symbol").asText());
        assertEquals("5m", body.path("interval").asText());
        assertTrue(body.path("source").isTextual());
        assertTrue(body.path("latency_ms").isNumber());
        JsonNode bars = body.path("bars");
        assertTrue(bars.size() > 0 && bars.size() <= 100, "bars: " + bars.size());
        long previous = Long.MIN_VALUE;
        for (JsonNode bar : bars) {
            List<String> names = new ArrayList<>();
            bar.fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("time", "open", "high", "low", "close", "volume"), names);
            assertTrue(bar.path("time").asLong() > previous, "bars in time order");
            previous = bar.path("time").asLong();
            assertTrue(bar.path("low").asDouble() <= bar.path("high").asDouble());
        }
        assertEquals("2000", r.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        assertTrue(Long.parseLong(r.headers().firstValue("X-RateLimit-Remaining").orElseThrow()) < 2000);
        assertTrue(Long.parseLong(r.headers().firstValue("X-RateLimit-Reset").orElseThrow()) > 1_600_000_000L);
    }

    @Test
    void orderBookTickerAndRegime() throws Exception {
        HttpResponse<String> book = lab.get("/v1/market/orderbook?symbol=ETH-USDT&depth=5", free);
        assertEquals(200, book.statusCode(), book.body());
        JsonNode b = json(book);
        assertEquals(5, b.path("bids").size());
        assertEquals(5, b.path("asks").size());
        assertTrue(b.path("bids").get(0).path("price").asDouble() < b.path("asks").get(0).path("price").asDouble());

        HttpResponse<String> ticker = lab.get("/v1/market/ticker?symbol=SOL-USDT", free);
        assertEquals(200, ticker.statusCode(), ticker.body());
        JsonNode t = json(ticker);
        assertTrue(t.path("bid").asDouble() <= t.path("ask").asDouble());
        assertTrue(t.has("last") && t.has("ts_ms"));

        HttpResponse<String> regime = lab.get("/v1/signals/regime?symbol=BTC-USDT", free);
        assertEquals(200, regime.statusCode(), regime.body());
        JsonNode g = json(regime);
        assertTrue(List.of("trending", "mean_reverting", "volatile").contains(g.path("regime").asText()));
        assertTrue(g.path("strategy").isTextual());
        assertTrue(g.path("latency_us").isIntegralNumber());
        double sum = 0;
        for (String state : List.of("trending", "mean_reverting", "volatile")) {
            sum += g.path("state_probs").path(state).asDouble(Double.NaN);
        }
        assertEquals(1.0, sum, 1e-6);
        assertEquals(g.path("confidence").asDouble(), g.path("state_probs").path(g.path("regime").asText()).asDouble(), 1e-12);
    }

    @Test
    void mfgSignalIsProfessionalAndUp() throws Exception {
        assertError(lab.get("/v1/signals/mfg?symbol=BTC-USDT", free), 403, "TIER_REQUIRED", "Professional");
        assertError(lab.get("/v1/signals/mfg?symbol=BTC-USDT", hob), 403, "TIER_REQUIRED", "Professional");
        HttpResponse<String> r = lab.get("/v1/signals/mfg?symbol=BTC-USDT&horizon_min=5&n_agents=200", pro);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(5, body.path("horizon_min").asInt());
        assertTrue(body.path("trajectory").size() > 1);
        assertEquals(200, lab.get("/v1/signals/mfg?symbol=ETH-USDT", ent).statusCode());
    }

    @Test
    void optimizeAnswersWeightsThatSumToOne() throws Exception {
        HttpResponse<String> r = lab.post("/v1/portfolio/optimize", pro,
                "{\"method\":\"risk_parity\",\"symbols\":[\"BTC-USDT\",\"ETH-USDT\",\"SOL-USDT\"],\"lookback_days\":30}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode w = json(r).path("weights");
        assertEquals(3, w.size());
        double sum = 0;
        for (Iterator<JsonNode> it = w.elements(); it.hasNext(); ) {
            double x = it.next().asDouble();
            assertTrue(x > 0, "risk parity weights are positive");
            sum += x;
        }
        assertEquals(1.0, sum, 1e-8);
    }

    @Test
    void efficientFrontierAnswersItsPointsUnderSnakeCaseNames() throws Exception {
        HttpResponse<String> r = lab.post("/v1/portfolio/optimize", pro, "{\"method\":\"efficient_frontier\","
                + "\"symbols\":[\"A\",\"B\"],\"expected_returns\":[0.05,0.12],"
                + "\"covariance\":[[0.04,0.006],[0.006,0.09]],\"points\":3}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals("efficient_frontier", body.path("method").asText());
        assertEquals(3, body.path("frontier").size());
        JsonNode last = body.path("frontier").get(2);
        assertEquals(0.12, last.path("expected_return").asDouble(), 1e-10);
        assertTrue(last.path("volatility").asDouble() > 0);
        assertEquals(2, last.path("weights").size());
        assertEquals("CONVERGED", last.path("status").asText());

        assertError(lab.post("/v1/portfolio/optimize", pro, "{\"method\":\"efficient_frontier\","
                + "\"symbols\":[\"A\",\"B\"],\"expected_returns\":[0.05,0.12],"
                + "\"covariance\":[[0.04,0.006],[0.006,0.09]],\"points\":1}"), 400, "INVALID_PARAMS", "points");
    }

    @Test
    void optimizeQuotaOfFreeBetaIsFivePerDay() throws Exception {
        String key = lab.key(Tier.FREE_BETA);
        String body = "{\"method\":\"cara\",\"symbols\":[\"BTC-USDT\",\"ETH-USDT\"],\"lookback_days\":20}";
        for (int i = 0; i < 5; i++) {
            assertEquals(200, lab.post("/v1/portfolio/optimize", key, body).statusCode());
        }
        HttpResponse<String> refused = lab.post("/v1/portfolio/optimize", key, body);
        assertError(refused, 429, "RATE_LIMITED", "");
        assertEquals("5", refused.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        assertEquals("0", refused.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
    }

    @Test
    void backtestIsHobbyistAndUp() throws Exception {
        long now = System.currentTimeMillis();
        String body = "{\"method\":\"risk_parity\",\"symbols\":[\"BTC-USDT\",\"ETH-USDT\"],\"lookback_days\":20,"
                + "\"rebalance_days\":7,\"start_time\":" + (now - 150L * 86_400_000L) + ",\"end_time\":" + now + "}";
        assertError(lab.post("/v1/portfolio/backtest", free, body), 403, "TIER_REQUIRED", "Hobbyist");
        HttpResponse<String> r = lab.post("/v1/portfolio/backtest", hob, body);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode b = json(r);
        assertTrue(b.path("equity_curve").size() > 1);
        assertTrue(b.path("metrics").has("sharpe"));
    }

    @Test
    void lakehouseHistoryRoutesAreGatedAndWork() throws Exception {
        assertError(lab.get("/v1/lakehouse/versions?table=market.ohlcv", free), 403, "TIER_REQUIRED", "Hobbyist");
        HttpResponse<String> versions = lab.get("/v1/lakehouse/versions?table=market.ohlcv", hob);
        assertEquals(200, versions.statusCode(), versions.body());
        JsonNode list = json(versions).path("versions");
        assertTrue(list.size() >= 1);
        assertTrue(list.get(0).has("version") && list.get(0).has("ts") && list.get(0).has("operation"));

        HttpResponse<String> empty = lab.get("/v1/lakehouse/read?table=market.ohlcv&version=0&limit=3", pro);
        assertEquals(200, empty.statusCode(), empty.body());
        assertEquals(0, json(empty).path("version").asLong());
        assertEquals(0, json(empty).path("rows").size(), "version 0 is the empty table as created");
        HttpResponse<String> read = lab.get("/v1/lakehouse/read?table=market.ohlcv&version=1&limit=3", pro);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(3, json(read).path("rows").size());
        assertTrue(json(read).path("truncated").asBoolean());
        assertTrue(json(read).path("rows").get(0).has("close"));

        String now = java.time.Instant.now().toString();
        HttpResponse<String> asOf = lab.get("/v1/lakehouse/read?table=market.ohlcv&limit=2&timestamp=" + enc(now), pro);
        assertEquals(200, asOf.statusCode(), asOf.body());

        assertError(lab.get("/v1/lakehouse/export?table=market.ohlcv", free), 403, "TIER_REQUIRED", "Hobbyist");
        HttpResponse<byte[]> parquet = lab.getBytes("/v1/lakehouse/export?table=market.ohlcv", hob);
        assertEquals(200, parquet.statusCode());
        assertEquals("application/vnd.apache.parquet", parquet.headers().firstValue("Content-Type").orElseThrow());
        byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = parquet.body();
        assertArrayEquals(magic, Arrays.copyOfRange(bytes, 0, 4));
        assertArrayEquals(magic, Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length));
    }

    @Test
    void tableReadsAndExportsLeaveOutBarsOlderThanTheTiersDepth() throws Exception {
        java.time.Instant yearAgo = java.time.Instant.now().atOffset(java.time.ZoneOffset.UTC).minusYears(1).toInstant();
        HttpResponse<String> hobRead = lab.get("/v1/lakehouse/read?table=market.ohlcv&version=1&limit=10000", hob);
        HttpResponse<String> entRead = lab.get("/v1/lakehouse/read?table=market.ohlcv&version=1&limit=1", ent);
        assertEquals(200, hobRead.statusCode(), hobRead.body());
        assertEquals(200, entRead.statusCode(), entRead.body());
        for (JsonNode row : json(hobRead).path("rows")) {
            assertFalse(java.time.Instant.parse(row.path("ts").asText()).isBefore(yearAgo), row.toString());
        }
        long hobRows = json(hobRead).path("row_count").asLong();
        long entRows = json(entRead).path("row_count").asLong();
        assertTrue(hobRows > 0 && hobRows < entRows, "the 400-day test history is cut at one year for Hobbyist: "
                + hobRows + " of " + entRows + " rows");
        long hobAsOf = json(lab.get("/v1/lakehouse/read?table=market.ohlcv&limit=1&timestamp="
                + enc(java.time.Instant.now().toString()), hob)).path("row_count").asLong();
        long entAsOf = json(lab.get("/v1/lakehouse/read?table=market.ohlcv&limit=1&timestamp="
                + enc(java.time.Instant.now().toString()), ent)).path("row_count").asLong();
        assertTrue(hobAsOf < entAsOf, hobAsOf + " vs " + entAsOf);

        HttpResponse<byte[]> hobExport = lab.getBytes("/v1/lakehouse/export?table=market.ohlcv&version=1", hob);
        HttpResponse<byte[]> entExport = lab.getBytes("/v1/lakehouse/export?table=market.ohlcv&version=1", ent);
        long hobExported = Long.parseLong(hobExport.headers().firstValue("X-HFThot-Row-Count").orElseThrow());
        assertEquals(entRows, Long.parseLong(entExport.headers().firstValue("X-HFThot-Row-Count").orElseThrow()),
                "Enterprise exports every row of the version");
        assertTrue(hobExported > 0 && hobExported < entRows, "the Hobbyist export is cut at one year: " + hobExported);
    }

    @Test
    void sqlIsRefusedForFreeBetaAndValidatedForOthers() throws Exception {
        assertError(lab.get("/v1/lakehouse/query?sql=" + enc("SELECT 1"), free), 403, "TIER_REQUIRED", "Hobbyist");
        assertError(lab.get("/v1/lakehouse/query", pro), 400, "INVALID_PARAMS", "sql");
        assertError(lab.get("/v1/lakehouse/query?format=csv&sql=" + enc("SELECT 1"), pro), 400, "INVALID_PARAMS", "format");
        // This engine runs without a SQL engine (DuckDB is wired by the reference server): an engine-side
        // INTERNAL_ERROR keeps its sentence and seed 000's shape.
        assertError(lab.get("/v1/lakehouse/query?sql=" + enc("SELECT 1"), pro), 500, "INTERNAL_ERROR", "SQL engine");
    }

    @Test
    void usageCountsTheCallersRequests() throws Exception {
        String key = lab.key(Tier.HOBBYIST);
        lab.get("/v1/market/ticker?symbol=BTC-USDT", key);
        lab.get("/v1/market/ticker?symbol=BTC-USDT", key);
        HttpResponse<String> r = lab.get("/v1/account/usage", key);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode u = json(r);
        assertEquals(3, u.path("requests_today").asLong(), r.body());
        assertEquals(300 * 1440, u.path("daily_limit").asLong());
        assertEquals(0, u.path("ws_active").asLong());
        assertEquals(3, u.path("ws_max").asLong());
        assertEquals("hobbyist", u.path("tier").asText());
        assertTrue(u.path("billing_cycle_end").isTextual());
    }

    @Test
    void keyGenerationIssuesAWorkingKeyAndNeverAboveTheCallersTier() throws Exception {
        HttpResponse<String> r = lab.post("/v1/keys", pro, "{\"tier\":\"hobbyist\"}");
        assertEquals(201, r.statusCode(), r.body());
        String newKey = json(r).path("api_key").asText();
        assertTrue(newKey.startsWith("hft_hob_"), newKey);
        assertEquals(200, lab.get("/v1/market/ticker?symbol=BTC-USDT", newKey).statusCode());
        assertEquals("300", lab.get("/v1/market/ticker?symbol=BTC-USDT", newKey).headers()
                .firstValue("X-RateLimit-Limit").orElseThrow());
        assertError(lab.post("/v1/keys", free, "{\"tier\":\"professional\"}"), 403, "TIER_REQUIRED", "Professional");
        assertError(lab.post("/v1/keys", pro, "{\"tier\":\"platinum\"}"), 400, "INVALID_PARAMS", "tier");
        assertError(lab.post("/v1/keys", pro, "{\"owner\":\"someone-else\"}"), 400, "INVALID_PARAMS", "owner");
        HttpResponse<String> sameTier = lab.post("/v1/keys", free, "");
        assertEquals(201, sameTier.statusCode(), sameTier.body());
        assertTrue(json(sameTier).path("api_key").asText().startsWith("hft_free_"));
    }

    @Test
    void missingOrUnknownKeyIsUnauthorizedOnEveryRoute() throws Exception {
        for (LabRoute route : LabHttpSurface.routes(lab.engine)) {
            if (!route.authenticated()) {
                continue;
            }
            String path = route.path().replace("{key_id}", "0123456789abcdef");
            HttpResponse<String> none = send(route.method(), path, null);
            assertError(none, 401, "UNAUTHORIZED", "X-HFThot-API-Key");
            HttpResponse<String> unknown = send(route.method(), path, "hft_pro_notarealkeynotarealkeynotarealkey0000");
            assertError(unknown, 401, "UNAUTHORIZED", "Invalid API key");
        }
    }

    private static HttpResponse<String> send(String method, String path, String key) throws Exception {
        return switch (method) {
            case "GET" -> lab.get(path, key);
            case "DELETE" -> lab.delete(path, key);
            default -> lab.post(path, key, "{}");
        };
    }

    @Test
    void restWindowOfFreeBetaIsSixtyPerMinute() throws Exception {
        String key = lab.key(Tier.FREE_BETA);
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> ok = lab.get("/v1/market/ticker?symbol=BTC-USDT", key);
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(Integer.toString(59 - i), ok.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        }
        HttpResponse<String> refused = lab.get("/v1/market/ticker?symbol=BTC-USDT", key);
        assertError(refused, 429, "RATE_LIMITED", "");
        assertEquals("60", refused.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        assertEquals("0", refused.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertTrue(refused.headers().firstValue("X-RateLimit-Reset").isPresent());
    }

    @Test
    void historyBeyondTheTiersDepthIsTierRequired() throws Exception {
        long sixtyDaysAgo = System.currentTimeMillis() - 60L * 86_400_000L;
        assertError(lab.get("/v1/market/ohlcv?symbol=BTC-USDT&interval=1d&start_time=" + sixtyDaysAgo, free),
                403, "TIER_REQUIRED", "");
        assertEquals(200, lab.get("/v1/market/ohlcv?symbol=BTC-USDT&interval=1d&start_time=" + sixtyDaysAgo, hob)
                .statusCode());
    }

    @Test
    void badInputIsInvalidParamsNamingTheParameterAndChangesNothing() throws Exception {
        String before = lab.get("/v1/lakehouse/versions?table=market.ohlcv", ent).body();
        String o = "/v1/market/ohlcv?";
        String[][] gets = {
            {o + "interval=5m", "symbol"},
            {o + "symbol=DOGE-USDT&interval=5m", "symbol"},
            {o + "symbol=BTC-USDT", "interval"},
            {o + "symbol=BTC-USDT&interval=7m", "interval"},
            {o + "symbol=BTC-USDT&interval=5m&limit=5001", "limit"},
            {o + "symbol=BTC-USDT&interval=5m&limit=0", "limit"},
            {o + "symbol=BTC-USDT&interval=5m&limit=abc", "limit"},
            {o + "symbol=BTC-USDT&interval=5m&start_time=yesterday", "start_time"},
            {o + "symbol=BTC-USDT&interval=5m&start_time=2000&end_time=1000", "end_time"},
            {o + "symbol=BTC-USDT&symbol=ETH-USDT&interval=5m", "symbol"},
            {"/v1/market/orderbook?symbol=BTC-USDT&depth=101", "depth"},
            {"/v1/market/orderbook?depth=5", "symbol"},
            {"/v1/market/ticker?symbol=", "symbol"},
            {"/v1/signals/regime?symbol=BTC-USDT&lookback=-3", "lookback"},
            {"/v1/signals/regime?symbol=BTC-USDT&lookback=1e3", "lookback"},
            {"/v1/signals/mfg?symbol=BTC-USDT&horizon_min=0", "horizon_min"},
            {"/v1/signals/mfg?symbol=BTC-USDT&n_agents=many", "n_agents"},
            {"/v1/lakehouse/versions", "table"},
            {"/v1/lakehouse/versions?table=secret.keys", "table"},
            {"/v1/lakehouse/read?table=market.ohlcv", "version"},
            {"/v1/lakehouse/read?table=market.ohlcv&version=1&timestamp=5", "timestamp"},
            {"/v1/lakehouse/read?table=market.ohlcv&version=99999", "version"},
            {"/v1/lakehouse/read?table=market.ohlcv&timestamp=noon", "timestamp"},
            {"/v1/lakehouse/export?table=market.ohlcv&version=-1", "version"},
        };
        for (String[] c : gets) {
            assertError(lab.get(c[0], ent), 400, "INVALID_PARAMS", c[1]);
        }
        String[][] posts = {
            {"/v1/portfolio/optimize", "{\"method\":\"magic\",\"symbols\":[\"BTC-USDT\"]}", "method"},
            {"/v1/portfolio/optimize", "{\"method\":\"cara\"}", "symbols"},
            {"/v1/portfolio/optimize", "{\"method\":\"cara\",\"symbols\":[\"BTC-USDT\",\"NOPE\"]}", "symbols"},
            {"/v1/portfolio/optimize", "{\"method\":\"cara\",\"symbols\":[\"BTC-USDT\"],\"lookback_days\":\"x\"}", "lookback_days"},
            {"/v1/portfolio/optimize", "{\"method\":\"cara\",\"symbols\":[\"BTC-USDT\"],\"gamma\":-1}", "gamma"},
            {"/v1/portfolio/optimize", "{\"method\":\"cara\",\"symbols\":[\"BTC-USDT\"],\"spread\":1}", "spread"},
            {"/v1/portfolio/optimize", "{\"method\":", "malformed"},
            {"/v1/portfolio/backtest", "{\"method\":\"cara\",\"symbols\":[\"BTC-USDT\"],\"start_time\":5000,\"end_time\":10}", "time"},
            {"/v1/portfolio/backtest", "[]", "JSON"},
        };
        for (String[] c : posts) {
            assertError(lab.post(c[0], ent, c[1]), 400, "INVALID_PARAMS", c[2]);
        }
        assertEquals(before, lab.get("/v1/lakehouse/versions?table=market.ohlcv", ent).body(),
                "bad requests must not change stored data");
    }

    @Test
    void transportErrorsUseTheSameShape() throws Exception {
        HttpResponse<String> notFound = lab.get("/v1/market/nothing", pro);
        assertEquals(404, notFound.statusCode());
        assertEquals("NOT_FOUND", json(notFound).path("code").asText());
        HttpResponse<String> wrongMethod = lab.post("/v1/market/ohlcv", pro, "{}");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("METHOD_NOT_ALLOWED", json(wrongMethod).path("code").asText());
        assertEquals(200, lab.get("/v1/health", null).statusCode(), "the server's own routes stay public");
    }

    @Test
    void openApiDocumentIsServedPubliclyAndMatchesTheRouter() throws Exception {
        HttpResponse<String> doc = lab.get("/v1/openapi.json", null);
        assertEquals(200, doc.statusCode());
        assertEquals("HFThot Research Lab API", json(doc).path("info").path("title").asText());
        LabOpenApiChecks.everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted(lab.engine);
        LabOpenApiChecks.everyReferenceResolves();
    }

    @Test
    void bannerPrintsWhereToGoAndOneDemoKeyPerTier() throws Exception {
        List<io.hfthot.engine.lab.api.GeneratedKey> keys = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            HttpResponse<String> r = lab.post("/v1/keys", ent, "{\"tier\":\"" + tier.id() + "\"}");
            keys.add(io.hfthot.adapters.http.JsonCodec.standard().decode(r.body(), io.hfthot.engine.lab.api.GeneratedKey.class));
        }
        List<String> lines = LabHttpSurface.banner(lab.base, keys);
        String text = String.join("\n", lines);
        assertTrue(text.contains(lab.base + "/v1/openapi.json"), text);
        assertTrue(text.contains(lab.base.replace("http://", "ws://") + "/v1/stream?api_key="), text);
        for (int i = 0; i < keys.size(); i++) {
            String line = lines.get(lines.size() - keys.size() + i);
            assertTrue(line.contains(Tier.values()[i].displayName()) && line.endsWith(keys.get(i).apiKey()), line);
            String key = line.substring(line.lastIndexOf(' ') + 1);
            assertEquals(200, lab.get("/v1/account/usage", key).statusCode(), "printed key works: " + line);
        }
        assertTrue(LabHttpSurface.banner(lab.base, List.of()).get(2).contains("no demo keys"));
    }

    @Test
    void seedRoutesTakeQueryParametersNotPathSegments() throws Exception {
        for (LabRoute route : LabHttpSurface.routes(lab.engine)) {
            // Key revocation names its resource in the path (DELETE /v1/keys/{key_id}); seed 000's routes do not.
            if (!route.path().equals("/v1/keys/{key_id}")) {
                assertFalse(route.path().contains("{"), "seed 000 routes take query parameters: " + route.path());
            }
        }
    }
}
