package io.hfthot.engine.hub.plan;

import io.hfthot.engine.hub.agents.AgentRecord;
import io.hfthot.engine.hub.agents.AgentSnapshot;
import java.util.Map;
import java.util.Optional;

/**
 * What a planner sees of an agent.
 *
 * @param agent    the agent
 * @param snapshot its state at the last tick, or null when not running yet
 * @param regime   the symbol's most probable HMM regime, when known
 * @param current  the strategy the agent runs now
 * @param secrets  the agent's secrets (the user's, overridden by the agent's), e.g. {@code OPENAI_API_KEY}
 */
public record PlanRequest(AgentRecord agent, AgentSnapshot snapshot, Optional<String> regime, String current,
                          Map<String, String> secrets) {
    /** Copies the secrets. */
    public PlanRequest {
        secrets = Map.copyOf(secrets);
    }

    /** Never shows secret values. */
    @Override
    public String toString() {
        return "PlanRequest[agent=" + agent.agentId() + ", regime=" + regime + ", current=" + current + ", secrets="
                + secrets.keySet() + "]";
    }
}
