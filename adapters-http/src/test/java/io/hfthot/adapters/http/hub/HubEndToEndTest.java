package io.hfthot.adapters.http.hub;

import static io.hfthot.adapters.http.hub.HubFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 004's whole flow through real clients: login, key, agent, status over WS, stop, delete, ownership. */
class HubEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void loginKeyAgentStatusOverWebSocketStopDelete() throws Exception {
        try (HubFixture f = new HubFixture(dir)) {
            JsonNode tokens = f.login(HubFixture.ADMIN, HubFixture.PASSWORD);
            assertEquals("bearer", tokens.get("token_type").asText());
            String access = tokens.get("access_token").asText();

            HttpResponse<String> key = f.post("/api/keys", access, null);
            assertEquals(201, key.statusCode(), key.body());
            String apiKey = json(key).get("api_key").asText();
            assertTrue(apiKey.startsWith("hub_"));

            HubWsClient ws = HubWsClient.connect(f.client, f.base.replace("http", "ws") + "/ws?token=" + access);
            HttpResponse<String> created = f.post("/api/agents", apiKey, "{\"symbol\":\"BTC/USDT\","
                    + "\"strategy_name\":\"momentum_breakout\",\"interval_seconds\":1,\"live_mode\":false,"
                    + "\"risk_params\":{\"max_position\":0.5,\"stop_loss_pct\":0.01}}");
            assertEquals(201, created.statusCode(), created.body());
            String id = json(created).get("id").asText();
            assertEquals("running", json(created).get("status").asText());
            assertEquals(0.5, json(created).at("/risk_params/max_position").asDouble());

            JsonNode status = ws.next("agent_status");
            assertEquals(id, status.get("agent_id").asText());
            assertEquals("running", status.get("state").asText());
            assertTrue(status.get("last_price").asDouble() > 0);

            JsonNode list = json(f.get("/api/agents", access));
            assertEquals(1, list.size());
            assertEquals(id, list.get(0).get("id").asText());
            assertEquals(id, json(f.get("/api/agents/" + id, apiKey)).get("id").asText());

            HttpResponse<String> stopped = f.post("/api/agents/" + id + "/stop", access, null);
            assertEquals(200, stopped.statusCode(), stopped.body());
            assertEquals("stopped", json(stopped).get("status").asText());

            HttpResponse<String> deleted = f.send("DELETE", "/api/agents/" + id, access, null);
            assertEquals(200, deleted.statusCode(), deleted.body());
            HttpResponse<String> gone = f.get("/api/agents/" + id, access);
            assertEquals(404, gone.statusCode());
            assertEquals("Agent " + id + " not found.", json(gone).get("detail").asText());
            assertEquals(0, json(f.get("/api/agents", access)).size());
        }
    }

    @Test
    void usersSeeOnlyTheirOwnAgentsAndStreams() throws Exception {
        try (HubFixture f = new HubFixture(dir)) {
            f.hub.accounts().register("bob@example.com", "bobs-password-1");
            String alice = f.login(HubFixture.ADMIN, HubFixture.PASSWORD).get("access_token").asText();
            String bob = f.login("bob@example.com", "bobs-password-1").get("access_token").asText();
            HubWsClient aliceWs = HubWsClient.connect(f.client, f.base.replace("http", "ws") + "/ws?token=" + alice);
            HubWsClient bobWs = HubWsClient.connect(f.client, f.base.replace("http", "ws") + "/ws?token=" + bob);
            String id = json(f.post("/api/agents", alice, "{\"symbol\":\"ETH/USDT\",\"strategy_name\":"
                    + "\"mean_reversion\",\"interval_seconds\":1}")).get("id").asText();

            for (String path : new String[] {"/api/agents/" + id, "/api/agents/" + id + "/stop"}) {
                HttpResponse<String> r = path.endsWith("stop") ? f.post(path, bob, null) : f.get(path, bob);
                assertEquals(404, r.statusCode(), path);
                assertEquals("Agent " + id + " not found.", json(r).get("detail").asText());
            }
            assertEquals(404, f.send("DELETE", "/api/agents/" + id, bob, null).statusCode());
            assertEquals(404, f.post("/api/agents/" + id + "/secrets", bob,
                    "{\"key_name\":\"X\",\"encrypted_value\":\"v\"}").statusCode());
            assertEquals(0, json(f.get("/api/agents", bob)).size());

            for (int i = 0; i < 3; i++) {
                assertEquals(id, aliceWs.next("agent_status").get("agent_id").asText());
            }
            assertTrue(bobWs.messages.isEmpty(), "bob received " + bobWs.messages);
            assertEquals("running", json(f.get("/api/agents/" + id, alice)).get("status").asText());
        }
    }

    @Test
    void expiredTokenIsRefusedAndClosesTheSocket() throws Exception {
        try (HubFixture f = new HubFixture(dir)) {
            String access = f.login(HubFixture.ADMIN, HubFixture.PASSWORD).get("access_token").asText();
            HubWsClient ws = HubWsClient.connect(f.client, f.base.replace("http", "ws") + "/ws?token=" + access);
            assertEquals(200, f.get("/api/agents", access).statusCode());
            f.shiftMillis.set(Duration.ofMinutes(15).plusSeconds(1).toMillis());
            HttpResponse<String> r = f.get("/api/agents", access);
            assertEquals(401, r.statusCode());
            assertTrue(json(r).get("detail").asText().contains("expired"), r.body());
            assertEquals("1008 " + HubStreamEndpoint.EXPIRED_REASON, ws.closed.get(10, TimeUnit.SECONDS));
            java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> HubWsClient.connect(f.client,
                            f.base.replace("http", "ws") + "/ws?token=" + access));
            assertEquals(401, ((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse()
                    .statusCode());
        }
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() throws Exception {
        try (HubFixture f = new HubFixture(dir)) {
            String r1 = f.login(HubFixture.ADMIN, HubFixture.PASSWORD).get("refresh_token").asText();
            HttpResponse<String> second = f.post("/auth/refresh", null, "{\"refresh_token\":\"" + r1 + "\"}");
            assertEquals(200, second.statusCode(), second.body());
            String r2 = json(second).get("refresh_token").asText();
            assertFalse(r1.equals(r2));
            assertNotNull(json(second).get("access_token"));
            HttpResponse<String> reused = f.post("/auth/refresh", null, "{\"refresh_token\":\"" + r1 + "\"}");
            assertEquals(401, reused.statusCode());
            assertTrue(json(reused).get("detail").asText().contains("already used"), reused.body());
            HttpResponse<String> afterTheft = f.post("/auth/refresh", null, "{\"refresh_token\":\"" + r2 + "\"}");
            assertEquals(401, afterTheft.statusCode(), "the whole family is revoked");
        }
    }

    @Test
    void internalEndpointsRefuseWithoutTheSecret() throws Exception {
        try (HubFixture f = new HubFixture(dir)) {
            String access = f.login(HubFixture.ADMIN, HubFixture.PASSWORD).get("access_token").asText();
            String id = json(f.post("/api/agents", access, "{\"symbol\":\"BTC/USDT\",\"strategy_name\":"
                    + "\"regime_switching\",\"interval_seconds\":60}")).get("id").asText();
            String logs = "{\"agent_id\":\"" + id + "\",\"entries\":[{\"level\":\"info\",\"message\":\"hello\"}]}";
            HttpResponse<String> none = f.post("/internal/logs", null, logs);
            assertEquals(401, none.statusCode());
            assertTrue(json(none).has("detail"));
            java.net.http.HttpRequest wrong = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    f.base + "/internal/agents/" + id + "/status")).header("X-Internal-Secret", "guess-guess-guess")
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"state\":\"running\"}")).build();
            assertEquals(401, f.client.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode());
            java.net.http.HttpRequest right = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    f.base + "/internal/logs")).header("X-Internal-Secret", HubFixture.INTERNAL)
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(logs)).build();
            assertEquals(202, f.client.send(right, HttpResponse.BodyHandlers.ofString()).statusCode());
            JsonNode agent = json(f.get("/api/agents/" + id, access));
            assertEquals("hello", agent.at("/recent_logs/0/message").asText(), agent.toString());
        }
    }
}
