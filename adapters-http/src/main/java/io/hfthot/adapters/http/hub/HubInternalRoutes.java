package io.hfthot.adapters.http.hub;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.Request;
import io.hfthot.adapters.http.Response;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.hub.HubService;
import io.hfthot.engine.hub.agents.AgentListener;
import io.hfthot.engine.hub.agents.AgentRecord;
import io.hfthot.engine.hub.agents.AgentSnapshot;
import io.hfthot.engine.hub.agents.LogEntry;
import io.hfthot.engine.hub.agents.TradeEvent;
import java.time.Instant;
import io.hfthot.engine.market.Ticker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 004's agent-to-hub push endpoints ({@code X-Internal-Secret}, checked by {@link HubAuthFilter}): an agent
 * running outside the hub reports its status, trades and log batches here, and they reach the owner's WebSocket
 * and the journal exactly as an in-process agent's do (through {@link io.hfthot.engine.hub.HubAgents#listener}).
 */
final class HubInternalRoutes {
    private final HubService hub;

    HubInternalRoutes(HubService hub) {
        this.hub = hub;
    }

    void mount(HttpSurface.Builder b) {
        b.post("/internal/agents/{id}/status", HubRoutes.t(this::status));
        b.post("/internal/trades", HubRoutes.t(this::trade));
        b.post("/internal/logs", HubRoutes.t(this::logs));
        b.get("/internal/market/ticker", HubRoutes.t(this::ticker));
    }

    private AgentRecord agent(String id) {
        return hub.agents().find(id).orElseThrow(() -> new EngineException(ErrorCode.NOT_FOUND, "agent_id", null,
                "Agent " + id + " not found.", null));
    }

    private Response status(Request r) {
        Map<String, Object> b = Bodies.object(r);
        AgentRecord a = agent(r.pathParam("id"));
        AgentSnapshot s = new AgentSnapshot(a.agentId(), Bodies.string(b, "state"), string(b, "strategy",
                a.spec().strategyName()), number(b, "position"), number(b, "entry_price"), number(b, "last_price"),
                number(b, "unrealized_pnl"), number(b, "realized_pnl"), (long) number(b, "trades"),
                (long) number(b, "tick"), hub.clock().instant());
        hub.agents().listener(a).onStatus(s);
        return Response.json(202, Map.of("accepted", true));
    }

    private Response trade(Request r) {
        Map<String, Object> b = Bodies.object(r);
        AgentRecord a = agent(Bodies.string(b, "agent_id"));
        String action = Bodies.string(b, "action");
        if (!action.equals("open") && !action.equals("close")) {
            throw ApiException.invalid("field 'action' must be open or close, got " + action);
        }
        TradeEvent t = new TradeEvent(Bodies.string(b, "trade_id"), a.agentId(), action, number(b, "quantity"),
                number(b, "price"), number(b, "pnl"), string(b, "reason", "signal"), hub.clock().instant());
        hub.agents().listener(a).onTrade(t);
        return Response.json(202, Map.of("accepted", true));
    }

    private Response logs(Request r) {
        Map<String, Object> b = Bodies.object(r);
        AgentRecord a = agent(Bodies.string(b, "agent_id"));
        if (!(b.get("entries") instanceof List<?> entries) || entries.isEmpty() || entries.size() > 1000) {
            throw ApiException.invalid("field 'entries' must be a list of 1 to 1000 {level, message} objects");
        }
        List<LogEntry> batch = new ArrayList<>();
        Instant now = hub.clock().instant();
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> m) || !(m.get("message") instanceof String msg)) {
                throw ApiException.invalid("every entry of 'entries' must be an object with a string 'message'");
            }
            Object level = m.get("level");
            batch.add(new LogEntry(a.agentId(), now, level instanceof String l ? l : "info", msg));
        }
        AgentListener listener = hub.agents().listener(a);
        listener.onLogs(a.agentId(), batch);
        return Response.json(202, Map.of("accepted", true, "entries", batch.size()));
    }

    /** The quote and regime an out-of-process agent trades on (the hub's engine market). */
    private Response ticker(Request r) {
        String symbol = r.query().first("symbol").orElseThrow(() -> ApiException.invalid(
                "query parameter 'symbol' is required, e.g. BTC-USDT"));
        Ticker t = hub.quote(symbol);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", t.symbol());
        m.put("bid", t.bid());
        m.put("ask", t.ask());
        m.put("last", t.last());
        m.put("ts", t.tsMs());
        hub.regime(symbol).ifPresent(regime -> m.put("regime", regime));
        return Response.ok(m);
    }

    private static double number(Map<String, Object> b, String field) {
        Object v = b.get(field);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw ApiException.invalid("field '" + field + "' must be a finite number, got " + v);
        }
        return n.doubleValue();
    }

    private static String string(Map<String, Object> b, String field, String fallback) {
        return b.get(field) == null ? fallback : Bodies.string(b, field);
    }
}
