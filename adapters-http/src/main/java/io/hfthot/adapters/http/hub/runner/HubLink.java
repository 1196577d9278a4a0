package io.hfthot.adapters.http.hub.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.engine.hub.agents.AgentListener;
import io.hfthot.engine.hub.agents.AgentSnapshot;
import io.hfthot.engine.hub.agents.LogEntry;
import io.hfthot.engine.hub.agents.MarketView;
import io.hfthot.engine.hub.agents.TradeEvent;
import io.hfthot.engine.hub.auth.InternalSecret;
import io.hfthot.engine.market.Ticker;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child agent's connection to its hub: it reads the quote and regime it trades on
 * ({@code GET /internal/market/ticker}) and pushes its reports ({@code /internal/agents/{id}/status},
 * {@code /internal/trades}, {@code /internal/logs}) with {@code X-Internal-Secret}. A push that fails is logged and
 * dropped: the agent keeps trading, and the next status supersedes the lost one.
 */
final class HubLink implements AgentListener {
    private static final Logger LOG = LoggerFactory.getLogger(HubLink.class);

    private final String hub;
    private final String secret;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String regime;

    HubLink(String hub, String secret) {
        this.hub = hub.endsWith("/") ? hub.substring(0, hub.length() - 1) : hub;
        this.secret = secret;
    }

    /** Reads the quote of a market symbol and remembers its regime. */
    Ticker quote(String marketSymbol) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request("/internal/market/ticker?symbol="
                + URLEncoder.encode(marketSymbol, StandardCharsets.UTF_8)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("the hub answered " + r.statusCode() + " for the quote of " + marketSymbol);
        }
        JsonNode n = AgentWire.JSON.readTree(r.body());
        regime = n.hasNonNull("regime") ? n.get("regime").asText() : null;
        return new Ticker(n.get("symbol").asText(), n.get("bid").asDouble(), n.get("ask").asDouble(),
                n.get("last").asDouble(), n.get("ts").asLong());
    }

    /** The regime read with the last quote. */
    MarketView view() {
        return () -> Optional.ofNullable(regime);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(hub + path)).timeout(Duration.ofSeconds(5))
                .header(InternalSecret.HEADER, secret);
    }

    private void push(String path, Object body) {
        try {
            HttpResponse<Void> r = client.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(AgentWire.JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                LOG.warn("the hub refused a push to {}: {}", path, r.statusCode());
            }
        } catch (IOException e) {
            LOG.warn("push to {} failed: {}", path, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onStatus(AgentSnapshot snapshot) {
        push("/internal/agents/" + snapshot.agentId() + "/status", snapshot.toMessage());
    }

    @Override
    public void onTrade(TradeEvent trade) {
        push("/internal/trades", trade.toMessage());
    }

    @Override
    public void onLogs(String agentId, List<LogEntry> batch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent_id", agentId);
        m.put("entries", batch.stream().map(LogEntry::toFields).toList());
        push("/internal/logs", m);
    }

    @Override
    public void onFailure(String agentId, String reason) {
        // A child's failure is its exit: the runner reports it when it sees the process end.
    }
}
