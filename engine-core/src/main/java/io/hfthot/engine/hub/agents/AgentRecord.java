package io.hfthot.engine.hub.agents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stored agent: who owns it, what it runs and where it stands.
 *
 * @param agentId   the id
 * @param ownerId   the owning user
 * @param spec      what it runs
 * @param status    its lifecycle state
 * @param reason    why it stopped or failed, or null
 * @param createdAt creation time
 * @param updatedAt last change
 */
public record AgentRecord(String agentId, String ownerId, AgentSpec spec, AgentStatus status, String reason,
                          Instant createdAt, Instant updatedAt) {
    /** Validates the components. */
    public AgentRecord {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * Returns a copy in another state.
     *
     * @param next   the new state
     * @param why    the reason, or null
     * @param at     the time of the change
     * @return the copy
     */
    public AgentRecord with(AgentStatus next, String why, Instant at) {
        return new AgentRecord(agentId, ownerId, spec, next, why, createdAt, at);
    }

    /**
     * Returns the agent under seed 004's field names (without the owner).
     *
     * @return the fields
     */
    public Map<String, Object> toFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", agentId);
        m.put("symbol", spec.symbol());
        m.put("strategy_name", spec.strategyName());
        m.put("interval_seconds", spec.intervalSeconds());
        m.put("live_mode", spec.liveMode());
        m.put("risk_params", spec.risk().toFields());
        m.put("status", status.wire());
        if (reason != null) {
            m.put("status_reason", reason);
        }
        m.put("created_at", createdAt.toString());
        m.put("updated_at", updatedAt.toString());
        return m;
    }
}
