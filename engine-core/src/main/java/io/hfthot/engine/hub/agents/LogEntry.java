package io.hfthot.engine.hub.agents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of an agent's log.
 *
 * @param agentId the agent
 * @param at      when
 * @param level   {@code info} or {@code warn}
 * @param message the text (never a secret: agents log decisions and fills only)
 */
public record LogEntry(String agentId, Instant at, String level, String message) {
    /**
     * Returns the entry under its wire names.
     *
     * @return the fields
     */
    public Map<String, Object> toFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", at.toString());
        m.put("level", level);
        m.put("message", message);
        return m;
    }
}
