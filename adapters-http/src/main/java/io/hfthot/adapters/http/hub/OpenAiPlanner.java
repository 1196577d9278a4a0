package io.hfthot.adapters.http.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hfthot.engine.hub.agents.Strategies;
import io.hfthot.engine.hub.plan.Plan;
import io.hfthot.engine.hub.plan.PlanRequest;
import io.hfthot.engine.hub.plan.Planner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link Planner} that asks an OpenAI-compatible chat-completions endpoint ({@code POST <base>/chat/completions})
 * to pick the agent's next strategy, with the user's {@code OPENAI_API_KEY} secret (an agent's override wins) as the
 * bearer token. Without that secret it defers to its fallback (the rule-based planner).
 *
 * <p>The model is asked for a JSON object {@code {"strategy_name": ..., "rationale": ...}} ({@code response_format:
 * json_object}, temperature 0); an answer that is not that object, names an unknown strategy, or a non-2xx status
 * is a failure (the hub then keeps the agent's last plan). Failure messages carry the status only, never the key.
 * Thread-safe.
 */
public final class OpenAiPlanner implements Planner {
    /** The secret holding the API key. */
    public static final String SECRET = "OPENAI_API_KEY";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI completions;
    private final String model;
    private final Planner fallback;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * Creates the planner.
     *
     * @param baseUrl  the API base, e.g. {@code https://api.openai.com/v1}
     * @param model    the model name
     * @param fallback the planner used when the user has no {@value #SECRET} secret
     * @param timeout  the longest a planning call may take
     */
    public OpenAiPlanner(URI baseUrl, String model, Planner fallback, Duration timeout) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.completions = URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
        this.model = Objects.requireNonNull(model, "model");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Plan plan(PlanRequest request) throws Exception {
        String key = request.secrets().get(SECRET);
        if (key == null || key.isBlank()) {
            return fallback.plan(request);
        }
        HttpRequest http = HttpRequest.newBuilder(completions).timeout(timeout)
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body(request)))).build();
        HttpResponse<String> response = client.send(http, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the chat-completions endpoint answered HTTP " + response.statusCode());
        }
        JsonNode content = JSON.readTree(response.body()).at("/choices/0/message/content");
        if (!content.isTextual()) {
            throw new IOException("the chat-completions answer has no choices[0].message.content");
        }
        JsonNode decision = JSON.readTree(content.asText());
        String strategy = decision.path("strategy_name").asText("");
        if (!Strategies.NAMES.contains(strategy)) {
            throw new IOException("the model chose strategy '" + strategy + "', not one of " + Strategies.NAMES);
        }
        return new Plan(strategy, decision.path("rationale").asText(""), "openai");
    }

    private ObjectNode body(PlanRequest request) {
        ObjectNode state = JSON.createObjectNode();
        state.put("symbol", request.agent().spec().symbol());
        state.put("regime", request.regime().orElse("unknown"));
        state.put("current_strategy", request.current());
        if (request.snapshot() != null) {
            state.put("position", request.snapshot().position());
            state.put("realized_pnl", request.snapshot().realizedPnl());
            state.put("unrealized_pnl", request.snapshot().unrealizedPnl());
            state.put("last_price", request.snapshot().lastPrice());
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("temperature", 0);
        body.putObject("response_format").put("type", "json_object");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You plan a paper-trading agent. Answer with a JSON"
                + " object {\"strategy_name\": one of " + Strategies.NAMES + ", \"rationale\": one sentence}.");
        messages.addObject().put("role", "user").put("content", state.toString());
        return body;
    }
}
