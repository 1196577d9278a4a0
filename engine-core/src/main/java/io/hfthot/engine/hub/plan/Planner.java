package io.hfthot.engine.hub.plan;

/**
 * Decides an agent's next plan. Contract: a planner either returns a valid {@link Plan} or throws; the hub then
 * keeps the agent on its last plan and reports the failure. Planners must not log secret values. Thread-safe.
 */
@FunctionalInterface
public interface Planner {
    /**
     * Plans.
     *
     * @param request the agent, its state, the regime and its secrets
     * @return the plan
     * @throws Exception when planning fails (network, refusal, malformed answer)
     */
    Plan plan(PlanRequest request) throws Exception;
}
