package io.hfthot.engine.hub.agents;

import java.util.List;
import java.util.Optional;

/**
 * Where agents live. Contract: {@link #save} inserts or replaces by id and is durable when it returns; a
 * {@link AgentStatus#DELETED} agent is never returned again by any method; lists are by creation time.
 * Thread-safe.
 */
public interface AgentStore {
    /**
     * Inserts or replaces an agent.
     *
     * @param agent the agent
     */
    void save(AgentRecord agent);

    /**
     * Finds an agent.
     *
     * @param agentId the id
     * @return the agent, or empty (also when deleted)
     */
    Optional<AgentRecord> find(String agentId);

    /**
     * Lists a user's agents.
     *
     * @param ownerId the user
     * @return the agents by creation time
     */
    List<AgentRecord> byOwner(String ownerId);

    /**
     * Lists every agent in a state (e.g. those to resume at start).
     *
     * @param status the state
     * @return the agents by creation time
     */
    List<AgentRecord> byStatus(AgentStatus status);
}
