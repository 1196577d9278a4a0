package io.hfthot.adapters.http.marketmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.engine.Engine;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.marketmaker.BotParameters;
import io.hfthot.engine.marketmaker.MarketMakerConfig;
import io.hfthot.engine.marketmaker.MarketMakerService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Seed 003 through real clients: the JDK's HTTP client and WebSocket client against the Jetty transport. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketMakerSurfaceTest {
    private static final String KEY = "test-dashboard-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seed 003's TradeData fields and their JSON types. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("timestamp", "string"), Map.entry("token_id", "string"), Map.entry("midpoint", "float"),
            Map.entry("spread", "float"), Map.entry("latency_ms", "float"), Map.entry("fee_bps", "int"),
            Map.entry("vol_state", "string"), Map.entry("binance_price", "float"), Map.entry("inventory", "float"),
            Map.entry("action", "string"), Map.entry("bids", "array"), Map.entry("asks", "array"),
            Map.entry("virtual_pnl", "float"), Map.entry("session_volume", "float"),
            Map.entry("total_equity", "float"), Map.entry("buying_power", "float"),
            Map.entry("total_gas_spent_usd", "float"), Map.entry("total_trades_count", "int"),
            Map.entry("total_order_updates", "int"), Map.entry("current_matic_balance", "float"));

    @TempDir
    static Path dir;
    private Engine engine;
    private MarketMakerService service;
    private TransportServer server;
    private TransportServer unconfigured;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        engine = Engine.builder(LabConfig.forTests(dir, 3)).clock(Clock.systemUTC()).inMemoryIdentity().build();
        MarketMakerConfig d = MarketMakerConfig.defaults(3);
        service = MarketMakerService.start(engine, new MarketMakerConfig(d.referenceSymbol(), d.model(),
                d.calibration(), d.venue(), new BotParameters(0.005, 10, 50, 0, true), d.startingCash(),
                d.startingMatic(), d.tickInterval(), d.heartbeatInterval(), d.flushInterval(), true));
        server = TransportServer.start(TransportConfig.of("127.0.0.1", 0),
                MarketMakerHttpSurface.surface(service, DashboardKey.of(Optional.of(KEY)), CorsPolicy.disabled()));
        unconfigured = TransportServer.start(TransportConfig.of("127.0.0.1", 0),
                MarketMakerHttpSurface.surface(service, DashboardKey.of(Optional.empty()), CorsPolicy.disabled()));
    }

    @AfterAll
    void stop() {
        server.close();
        unconfigured.close();
        engine.close();
    }

    /** A dashboard: records every message with its arrival time. */
    private static final class Dashboard implements WebSocket.Listener {
        final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final List<Long> heartbeatNanos = new ArrayList<>();
        final List<java.time.LocalDateTime> heartbeatStamps = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(partial.toString());
                    if ("HEARTBEAT".equals(m.path("action").asText())) {
                        synchronized (heartbeatNanos) {
                            heartbeatNanos.add(System.nanoTime());
                            heartbeatStamps.add(java.time.LocalDateTime.parse(m.get("timestamp").asText()));
                        }
                    }
                    messages.add(m);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    private WebSocket connect(Dashboard d) throws Exception {
        return http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port()
                + MarketMakerHttpSurface.STREAM_PATH), d).get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyTradeDataCarriesEverySeedFieldWithItsTypeAndHeartbeatsComeEveryFiveSeconds() throws Exception {
        Dashboard d = new Dashboard();
        WebSocket ws = connect(d);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(16);
        int checked = 0;
        boolean sawTick = false;
        while (System.nanoTime() < end) {
            JsonNode m = d.messages.poll(100, TimeUnit.MILLISECONDS);
            if (m == null) {
                continue;
            }
            checked++;
            sawTick |= !"HEARTBEAT".equals(m.get("action").asText());
            assertEquals(FIELDS.keySet(), fieldNames(m), "exactly the seed's fields");
            FIELDS.forEach((name, type) -> assertType(m, name, type));
            assertTrue(m.get("bids").size() <= 3 && m.get("asks").size() <= 3);
            for (JsonNode level : m.get("bids")) {
                assertTrue(level.get("price").isNumber() && level.get("size").isNumber(), level.toString());
            }
            assertTrue(m.get("vol_state").asText().matches("LOW_VOL|HIGH_VOL"));
            double mid = m.get("midpoint").asDouble();
            assertTrue(mid > 0 && mid < 1, "midpoint " + mid);
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        assertTrue(sawTick, "tick messages arrived");
        assertTrue(checked > 20, "messages checked: " + checked);
        List<Long> beats;
        List<java.time.LocalDateTime> stamps;
        synchronized (d.heartbeatNanos) {
            beats = new ArrayList<>(d.heartbeatNanos);
            stamps = new ArrayList<>(d.heartbeatStamps);
        }
        assertTrue(beats.size() >= 3, "heartbeats in 16 s: " + beats.size());
        // The cadence is checked on the heartbeats' own timestamps as the client received them; the arrival gaps
        // add this shared machine's scheduling delays to the client side and are reported with a failure.
        List<Double> arrivals = new ArrayList<>();
        for (int i = 1; i < beats.size(); i++) {
            arrivals.add((beats.get(i) - beats.get(i - 1)) / 1e9);
        }
        for (int i = 1; i < stamps.size(); i++) {
            double gap = java.time.Duration.between(stamps.get(i - 1), stamps.get(i)).toNanos() / 1e9;
            assertEquals(5.0, gap, 0.5, "heartbeat cadence (timestamps " + stamps + ", arrival gaps " + arrivals + ")");
        }
    }

    @Test
    void healthCountsTheStreamConnections() throws Exception {
        int before = health();
        Dashboard a = new Dashboard();
        Dashboard b = new Dashboard();
        WebSocket wa = connect(a);
        WebSocket wb = connect(b);
        waitFor(() -> health() == before + 2);
        assertFalse(a.messages.poll(5, TimeUnit.SECONDS) == null, "a new dashboard gets the latest TradeData at once");
        wa.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        waitFor(() -> health() == before + 1);
        wb.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        waitFor(() -> health() == before);
    }

    @Test
    void controlsNeedTheDashboardKey() throws Exception {
        String body = "{\"spread_offset\":0.02}";
        HttpResponse<String> none = send("PATCH", server, MarketMakerHttpSurface.PARAMETERS_PATH, body, null);
        assertEquals(403, none.statusCode());
        assertEquals("{\"detail\":\"Invalid or missing X-API-KEY\"}", none.body());
        HttpResponse<String> wrong = send("POST", server, MarketMakerHttpSurface.STOP_PATH, "{}", KEY + "x");
        assertEquals(403, wrong.statusCode());
        assertEquals("{\"detail\":\"Invalid or missing X-API-KEY\"}", wrong.body());
        HttpResponse<String> noKey = send("PATCH", unconfigured, MarketMakerHttpSurface.PARAMETERS_PATH, body, KEY);
        assertEquals(500, noKey.statusCode());
        assertEquals("{\"detail\":\"Security key not configured on server\"}", noKey.body());
        assertEquals(200, send("GET", unconfigured, "/health", null, null).statusCode(), "health needs no key");
        assertEquals(0.005, service.parameters().spreadOffset(), 0, "refused requests changed nothing");
    }

    @Test
    void badParametersAre422AndChangeNothing() throws Exception {
        BotParameters before = service.parameters();
        for (String bad : List.of("{\"order_size\":-5}", "{\"order_size\":0}", "{\"order_size\":2.5}",
                "{\"order_size\":\"20\"}", "{\"spread_offset\":NaN}", "{\"spread_offset\":-0.01}",
                "{\"spread_offset\":1e400}", "{\"max_position\":5}", "{\"min_liquidity\":null}",
                "{\"is_running\":\"yes\"}", "{\"unknown\":1}", "{\"spread_offset\":0.02,\"order_size\":-1}", "[1]",
                "not json", "", "{\"order_size\":99999999999}")) {
            HttpResponse<String> r = send("PATCH", server, MarketMakerHttpSurface.PARAMETERS_PATH, bad, KEY);
            assertEquals(422, r.statusCode(), bad + " -> " + r.body());
            JsonNode detail = JSON.readTree(r.body()).get("detail");
            assertTrue(detail != null && detail.isTextual() && !detail.asText().isBlank(), r.body());
            assertEquals(before, service.parameters(), "state unchanged by " + bad);
        }
        HttpResponse<String> r = send("POST", server, MarketMakerHttpSurface.STOP_PATH, "{\"reason\":5}", KEY);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(service.parameters().running(), "a refused stop does not stop");
    }

    @Test
    void parametersUpdateThenEmergencyStopThenExplicitRestart() throws Exception {
        HttpResponse<String> ok = send("PATCH", server, MarketMakerHttpSurface.PARAMETERS_PATH,
                "{\"spread_offset\":0.02,\"order_size\":20,\"max_position\":100,\"min_liquidity\":0.0}", KEY);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(JSON.readTree("{\"status\":\"updated\",\"current_state\":{\"spread_offset\":0.02,\"order_size\":20,"
                + "\"max_position\":100,\"min_liquidity\":0.0,\"is_running\":true}}"), JSON.readTree(ok.body()));
        HttpResponse<String> stop = send("POST", server, MarketMakerHttpSurface.STOP_PATH,
                "{\"reason\":\"Manual stop via dashboard\"}", KEY);
        assertEquals(200, stop.statusCode(), stop.body());
        assertEquals(JSON.readTree("{\"status\":\"EMERGENCY_STOP_ACTIVATED\",\"reason\":\"Manual stop via dashboard\"}"),
                JSON.readTree(stop.body()));
        assertFalse(service.parameters().running());
        HttpResponse<String> partial = send("PATCH", server, MarketMakerHttpSurface.PARAMETERS_PATH,
                "{\"order_size\":10,\"max_position\":50}", KEY);
        assertFalse(JSON.readTree(partial.body()).at("/current_state/is_running").asBoolean(),
                "an update without is_running does not restart");
        HttpResponse<String> restart = send("PATCH", server, MarketMakerHttpSurface.PARAMETERS_PATH,
                "{\"is_running\":true,\"spread_offset\":0.005}", KEY);
        assertTrue(JSON.readTree(restart.body()).at("/current_state/is_running").asBoolean());
        HttpResponse<String> noBody = send("POST", server, MarketMakerHttpSurface.STOP_PATH, "", KEY);
        assertEquals(200, noBody.statusCode(), noBody.body());
        assertTrue(JSON.readTree(noBody.body()).get("reason").isNull());
        send("PATCH", server, MarketMakerHttpSurface.PARAMETERS_PATH, "{\"is_running\":true}", KEY);
    }

    private int health() {
        try {
            return JSON.readTree(send("GET", server, "/health", null, null).body()).get("connections").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, TransportServer target, String path, String body, String key)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.baseUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            b.header(DashboardKey.HEADER, key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.Set<String> fieldNames(JsonNode m) {
        java.util.Set<String> names = new java.util.HashSet<>();
        m.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertType(JsonNode m, String name, String type) {
        JsonNode v = m.get(name);
        boolean ok = switch (type) {
            case "string" -> v.isTextual();
            case "int" -> v.isIntegralNumber();
            case "float" -> v.isNumber();
            case "array" -> v.isArray();
            default -> false;
        };
        assertTrue(ok, name + " should be a " + type + ", got " + v);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
