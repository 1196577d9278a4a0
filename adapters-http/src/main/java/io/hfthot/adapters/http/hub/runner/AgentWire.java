package io.hfthot.adapters.http.hub.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hfthot.engine.hub.agents.AgentRecord;
import io.hfthot.engine.hub.agents.AgentSpec;
import io.hfthot.engine.hub.agents.AgentStatus;
import io.hfthot.engine.hub.agents.PaperAgent;
import io.hfthot.engine.hub.agents.RiskParams;
import java.time.Instant;

/** How the runner hands an agent and its resume state to a child process: one JSON argument. */
final class AgentWire {
    static final ObjectMapper JSON = new ObjectMapper();

    private AgentWire() {
    }

    static String encode(AgentRecord a, PaperAgent.Resume r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", a.agentId());
        n.put("owner", a.ownerId());
        n.put("symbol", a.spec().symbol());
        n.put("strategy_name", a.spec().strategyName());
        n.put("interval_seconds", a.spec().intervalSeconds());
        RiskParams risk = a.spec().risk();
        n.putObject("risk_params").put("max_position", risk.maxPosition()).put("stop_loss_pct", risk.stopLossPct())
                .put("take_profit_pct", risk.takeProfitPct()).put("daily_loss_limit", risk.dailyLossLimit());
        n.put("created_at", a.createdAt().toString());
        n.put("position", r.position());
        n.put("entry_price", r.entryPrice());
        n.put("realized_pnl", r.realizedPnl());
        n.put("trades", r.trades());
        return n.toString();
    }

    static AgentRecord agent(JsonNode n) {
        JsonNode risk = n.get("risk_params");
        AgentSpec spec = new AgentSpec(n.get("symbol").asText(), n.get("strategy_name").asText(),
                n.get("interval_seconds").asInt(), false, new RiskParams(risk.get("max_position").asDouble(),
                risk.get("stop_loss_pct").asDouble(), risk.get("take_profit_pct").asDouble(),
                risk.get("daily_loss_limit").asDouble()));
        Instant created = Instant.parse(n.get("created_at").asText());
        return new AgentRecord(n.get("id").asText(), n.get("owner").asText(), spec, AgentStatus.RUNNING, null, created,
                created);
    }

    static PaperAgent.Resume resume(JsonNode n) {
        return new PaperAgent.Resume(n.get("position").asDouble(), n.get("entry_price").asDouble(),
                n.get("realized_pnl").asDouble(), n.get("trades").asLong());
    }
}
