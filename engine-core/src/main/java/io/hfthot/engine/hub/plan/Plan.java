package io.hfthot.engine.hub.plan;

import io.hfthot.engine.hub.agents.Strategies;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A planner's decision for an agent: which strategy to run next, and why.
 *
 * @param strategyName one of {@link Strategies#NAMES}
 * @param rationale    a short explanation
 * @param planner      which planner decided ({@code rules}, {@code openai}, ...)
 */
public record Plan(String strategyName, String rationale, String planner) {
    /** Validates the plan: a planner may only pick a known strategy. */
    public Plan {
        if (!Strategies.NAMES.contains(strategyName)) {
            throw new IllegalArgumentException("a plan's strategy must be one of " + Strategies.NAMES + ", got "
                    + strategyName);
        }
        if (rationale == null || planner == null) {
            throw new IllegalArgumentException("rationale and planner must not be null");
        }
    }

    /**
     * Returns the plan under its wire names.
     *
     * @return the fields
     */
    public Map<String, Object> toFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy_name", strategyName);
        m.put("rationale", rationale);
        m.put("planner", planner);
        return m;
    }
}
