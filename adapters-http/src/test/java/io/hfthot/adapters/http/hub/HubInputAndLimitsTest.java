package io.hfthot.adapters.http.hub;

import static io.hfthot.adapters.http.hub.HubFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input answers 4xx {"detail"} and changes nothing; logins are rate limited; candles and secrets. */
class HubInputAndLimitsTest {
    @TempDir
    Path dir;

    @Test
    void badInputIsA4xxDetailAndChangesNothing() throws Exception {
        try (HubFixture f = new HubFixture(dir)) {
            String access = f.login(HubFixture.ADMIN, HubFixture.PASSWORD).get("access_token").asText();
            String[][] cases = {
                {"{\"symbol\":\"BTC/USDT\",\"strategy_name\":\"momentum_breakout\",\"live_mode\":true}", "409",
                    "live_mode"},
                {"{\"symbol\":\"BTC/USDT\",\"strategy_name\":\"martingale\"}", "400", "strategy_name"},
                {"{\"symbol\":\"BTC/USDT\",\"strategy_name\":\"mean_reversion\",\"interval_seconds\":0}", "400",
                    "interval_seconds"},
                {"{\"symbol\":\"BTC/USDT\",\"strategy_name\":\"mean_reversion\",\"interval_seconds\":1.5}", "400",
                    "interval_seconds"},
                {"{\"symbol\":\"DOGE/USDT\",\"strategy_name\":\"mean_reversion\"}", "400", "symbol"},
                {"{\"symbol\":\"BTC/USDT\",\"strategy_name\":\"mean_reversion\",\"risk_params\":{\"stop_loss_pct\":2}}",
                    "400", "stop_loss_pct"},
                {"{\"symbol\":\"BTC/USDT\",\"strategy_name\":\"mean_reversion\",\"risk_params\":{\"leverage\":5}}",
                    "400", "leverage"},
                {"{\"symbol\":\"BTC/USDT\",\"strategy_name\":\"mean_reversion\",\"risk_params\":[1]}", "400",
                    "risk_params"},
                {"{\"symbol\":\"BTC/USDT\",\"strategy_name\":\"mean_reversion\",\"colour\":\"red\"}", "400", "colour"},
                {"[1,2]", "400", ""},
                {"{not json", "400", ""},
                {"", "400", "empty"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = f.post("/api/agents", access, c[0]);
                assertEquals(Integer.parseInt(c[1]), r.statusCode(), c[0] + " -> " + r.body());
                JsonNode body = json(r);
                assertTrue(body.get("detail").asText().contains(c[2]), c[0] + " -> " + r.body());
            }
            assertEquals(0, json(f.get("/api/agents", access)).size(), "no agent was created");
            assertEquals(400, f.post("/api/secrets", access, "{\"key_name\":\"1BAD\",\"encrypted_value\":\"x\"}")
                    .statusCode());
            assertEquals(400, f.post("/api/secrets", access, "{\"key_name\":\"OK\",\"encrypted_value\":5}")
                    .statusCode());
            assertEquals(0, json(f.get("/api/secrets", access)).get("key_names").size());
            assertEquals(400, f.post("/auth/login", null, "{\"email\":5}").statusCode());
            assertEquals(400, f.post("/auth/refresh", null, "{}").statusCode());
            assertEquals(401, f.post("/auth/refresh", null, "{\"refresh_token\":\"nope\"}").statusCode());
            assertEquals(404, f.get("/api/agents/does-not-exist", access).statusCode());
            HttpResponse<String> noAuth = f.get("/api/agents", null);
            assertEquals(401, noAuth.statusCode());
            assertTrue(json(noAuth).has("detail"));
            assertEquals(401, f.get("/api/agents", "hub_not-a-real-key").statusCode());
            assertEquals(401, f.get("/api/agents", "not.a.jwt").statusCode());
            assertEquals(400, f.get("/api/market/candles?symbol=BTC/USDT&timeframe=7h", access).statusCode());
        }
    }

    @Test
    void loginIsRateLimitedPerAccountWithRetryAfter() throws Exception {
        try (HubFixture f = new HubFixture(dir)) {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = f.post("/auth/login", null, "{\"email\":\"" + HubFixture.ADMIN
                        + "\",\"password\":\"wrong-" + i + "\"}");
                assertEquals(401, r.statusCode(), r.body());
                assertEquals("Invalid email or password.", json(r).get("detail").asText());
            }
            HttpResponse<String> locked = f.post("/auth/login", null, "{\"email\":\"" + HubFixture.ADMIN
                    + "\",\"password\":\"" + HubFixture.PASSWORD + "\"}");
            assertEquals(429, locked.statusCode(), locked.body());
            long retry = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
            // The reset second is rounded up, so a full window reads 901 s at most.
            assertTrue(retry > 0 && retry <= 15 * 60 + 1, "Retry-After " + retry);
            assertTrue(json(locked).get("detail").asText().contains("retry in"));
            // The address limit holds too, whatever the account: 20 attempts a minute from one address.
            int refused = 0;
            for (int i = 0; i < 20; i++) {
                if (f.post("/auth/login", null, "{\"email\":\"u" + i + "@example.com\",\"password\":\"x\"}")
                        .statusCode() == 429) {
                    refused++;
                }
            }
            assertTrue(refused > 0, "the per-address limit refused nothing");
        }
    }

    @Test
    void candlesComeFromTheCacheAndSecretsAreListedByNameOnly() throws Exception {
        try (HubFixture f = new HubFixture(dir)) {
            String access = f.login(HubFixture.ADMIN, HubFixture.PASSWORD).get("access_token").asText();
            HttpResponse<String> c = f.get("/api/market/candles?symbol=BTC/USDT&timeframe=1h", access);
            assertEquals(200, c.statusCode(), c.body());
            JsonNode body = json(c);
            assertFalse(body.get("stale").asBoolean());
            assertTrue(body.get("candles").size() > 0);
            JsonNode last = body.get("candles").get(body.get("candles").size() - 1);
            assertTrue(last.get("high").asDouble() >= last.get("low").asDouble());
            assertEquals("0", c.headers().firstValue(HubRoutes.AGE_HEADER).orElseThrow());

            String value = "sk-test-super-secret-value";
            HttpResponse<String> put = f.post("/api/secrets", access, "{\"key_name\":\"OPENAI_API_KEY\","
                    + "\"encrypted_value\":\"" + value + "\"}");
            assertEquals(201, put.statusCode(), put.body());
            assertFalse(put.body().contains(value));
            HttpResponse<String> list = f.get("/api/secrets", access);
            assertEquals("OPENAI_API_KEY", json(list).get("key_names").get(0).asText());
            assertFalse(list.body().contains(value));
            String id = json(f.post("/api/agents", access, "{\"symbol\":\"SOL/USDT\",\"strategy_name\":"
                    + "\"regime_switching\",\"interval_seconds\":30}")).get("id").asText();
            HttpResponse<String> override = f.post("/api/agents/" + id + "/secrets", access,
                    "{\"key_name\":\"OPENAI_API_KEY\",\"encrypted_value\":\"sk-agent-override\"}");
            assertEquals(201, override.statusCode(), override.body());
            assertFalse(f.get("/api/agents/" + id, access).body().contains("sk-agent-override"));
        }
    }
}
