package io.hfthot.engine.hub.agents;

import java.util.List;

/**
 * Where a running agent reports; the hub publishes to the owner's WebSocket stream and journals trades and logs.
 * Calls for one agent never overlap; implementations are thread-safe across agents.
 */
public interface AgentListener {
    /**
     * Called at every tick.
     *
     * @param snapshot the state after the tick
     */
    void onStatus(AgentSnapshot snapshot);

    /**
     * Called when a position opens or closes.
     *
     * @param trade the trade
     */
    void onTrade(TradeEvent trade);

    /**
     * Called with the log lines of the last ten ticks (and with what is left when the agent stops).
     *
     * @param agentId the agent
     * @param batch   the lines, oldest first, never empty
     */
    void onLogs(String agentId, List<LogEntry> batch);

    /**
     * Called once when the agent's loop fails; it does not tick again.
     *
     * @param agentId the agent
     * @param reason  what failed
     */
    void onFailure(String agentId, String reason);
}
