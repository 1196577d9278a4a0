package io.hfthot.adapters.http.hub;

import static io.hfthot.adapters.http.hub.HubFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.hfthot.engine.hub.plan.RuleBasedPlanner;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/agents/{id}/plan} through the OpenAI-compatible planner against a fake server on loopback. */
class OpenAiPlannerTest {
    @TempDir
    Path dir;

    private HttpServer fake;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void startFake() throws Exception {
        fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/v1/chat/completions", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = ("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
                    + "\"{\\\"strategy_name\\\":\\\"mean_reversion\\\",\\\"rationale\\\":\\\"range-bound\\\"}\"}}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        fake.start();
    }

    @AfterEach
    void stopFake() {
        fake.stop(0);
    }

    @Test
    void plansWithTheUsersKeyOverriddenByTheAgentsAndKeepsTheLastPlanOnFailure() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + fake.getAddress().getPort() + "/v1");
        try (HubFixture f = new HubFixture(dir, o -> o.withPlanner(new OpenAiPlanner(base, "test-model",
                new RuleBasedPlanner(), Duration.ofSeconds(5))))) {
            String access = f.login(HubFixture.ADMIN, HubFixture.PASSWORD).get("access_token").asText();
            String id = json(f.post("/api/agents", access, "{\"symbol\":\"BTC/USDT\",\"strategy_name\":"
                    + "\"momentum_breakout\",\"interval_seconds\":1}")).get("id").asText();

            JsonNode rules = json(f.post("/api/agents/" + id + "/plan", access, null));
            assertEquals("rules", rules.get("planner").asText(), "no OPENAI_API_KEY secret: rule-based plan");
            assertTrue(authorizations.isEmpty());

            f.post("/api/secrets", access, "{\"key_name\":\"OPENAI_API_KEY\",\"encrypted_value\":\"sk-user\"}");
            HttpResponse<String> planned = f.post("/api/agents/" + id + "/plan", access, null);
            assertEquals(200, planned.statusCode(), planned.body());
            assertEquals("mean_reversion", json(planned).get("strategy_name").asText());
            assertEquals("openai", json(planned).get("planner").asText());
            assertTrue(json(planned).get("applied").asBoolean());
            assertEquals("Bearer sk-user", authorizations.get(0));
            assertTrue(bodies.get(0).contains("\"model\":\"test-model\""));
            assertFalse(planned.body().contains("sk-user"));

            f.post("/api/agents/" + id + "/secrets", access,
                    "{\"key_name\":\"OPENAI_API_KEY\",\"encrypted_value\":\"sk-agent\"}");
            f.post("/api/agents/" + id + "/plan", access, null);
            assertEquals("Bearer sk-agent", authorizations.get(1), "the agent's override wins");

            status.set(500);
            HttpResponse<String> failed = f.post("/api/agents/" + id + "/plan", access, null);
            assertEquals(503, failed.statusCode(), failed.body());
            assertTrue(json(failed).get("detail").asText().contains("keeps its last plan (mean_reversion)"),
                    failed.body());
            assertFalse(failed.body().contains("sk-agent"));
            long deadline = System.currentTimeMillis() + 5_000;
            String running = null;
            while (System.currentTimeMillis() < deadline) {
                running = f.hub.runtime().status(id).map(s -> s.strategy()).orElse(null);
                if ("mean_reversion".equals(running)) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("mean_reversion", running, "the agent runs on its last plan");
        }
    }
}
