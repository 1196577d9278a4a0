package io.hfthot.engine.hub.agents;

import java.util.Optional;

/**
 * Runs agents' loops: in this process by default ({@link InProcessAgentRuntime}), or elsewhere (one process per
 * agent) behind the same contract.
 *
 * <p>Contract: {@link #start} returns at once and the agent ticks every {@code interval_seconds} until
 * {@link #stop}; reports go to the listener given at start, calls for one agent never overlap. A loop that fails
 * is reported once through {@link AgentListener#onFailure} and is no longer running; it never takes the runtime
 * or other agents down. {@link #stop} ends the loop and waits for a tick in progress. {@link #close} stops every
 * agent without reporting them stopped (they resume at the next start) and releases the runtime's threads or
 * processes. Thread-safe.
 */
public interface AgentRuntime extends AutoCloseable {
    /**
     * Starts an agent's loop.
     *
     * @param agent    the agent
     * @param resume   the position and profit it resumes with
     * @param listener where it reports
     * @throws IllegalStateException when the agent already runs or the runtime is closed
     */
    void start(AgentRecord agent, PaperAgent.Resume resume, AgentListener listener);

    /**
     * Stops an agent's loop (closing its open position).
     *
     * @param agentId the agent
     * @return true when it was running
     */
    boolean stop(String agentId);

    /**
     * Returns the state of a running agent at its last tick.
     *
     * @param agentId the agent
     * @return the snapshot, or empty when not running or before its first tick
     */
    Optional<AgentSnapshot> status(String agentId);

    /**
     * Switches a running agent's strategy (a plan).
     *
     * @param agentId      the agent
     * @param strategyName one of {@link Strategies#NAMES}
     * @return true when the agent runs and took the plan
     */
    boolean applyPlan(String agentId, String strategyName);

    /**
     * Returns how late ticks started against their schedule, over every agent since the runtime started.
     *
     * @return the recorder
     */
    TickJitter jitter();

    /** Stops every loop and releases the runtime; idempotent. */
    @Override
    void close();
}
