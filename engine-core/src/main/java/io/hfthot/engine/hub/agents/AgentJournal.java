package io.hfthot.engine.hub.agents;

import java.util.List;

/**
 * Where agents' trades and log lines are kept. Writes may be buffered; {@link #flush} makes them durable and
 * the owner calls it periodically and at close. Reads see buffered writes. Thread-safe.
 */
public interface AgentJournal {
    /**
     * Records a trade.
     *
     * @param trade the trade
     */
    void trade(TradeEvent trade);

    /**
     * Records log lines.
     *
     * @param lines the lines
     */
    void logs(List<LogEntry> lines);

    /**
     * Returns an agent's trades, oldest first.
     *
     * @param agentId the agent
     * @return the trades
     */
    List<TradeEvent> trades(String agentId);

    /**
     * Returns an agent's most recent log lines, oldest first.
     *
     * @param agentId the agent
     * @param limit   at most this many
     * @return the lines
     */
    List<LogEntry> recentLogs(String agentId, int limit);

    /**
     * Returns the position and profit an agent resumes with, replayed from its trades.
     *
     * @param agentId the agent
     * @return the resume state
     */
    default PaperAgent.Resume resume(String agentId) {
        double position = 0;
        double entry = 0;
        double realized = 0;
        long count = 0;
        for (TradeEvent t : trades(agentId)) {
            count++;
            if ("open".equals(t.action())) {
                position = t.quantity();
                entry = t.price();
            } else {
                realized += t.pnl();
                position = 0;
                entry = 0;
            }
        }
        return new PaperAgent.Resume(position, entry, realized, count);
    }

    /** Makes buffered writes durable. */
    void flush();
}
