package io.hfthot.engine.hub.agents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An agent's state at a tick: the {@code agent_status} message of seed 004's WebSocket.
 *
 * @param agentId       the agent
 * @param state         {@code running}, or {@code halted} while the daily loss limit holds entries back
 * @param strategy      the strategy the current plan runs
 * @param position      base units held (0 when flat)
 * @param entryPrice    the open position's entry price, or 0 when flat
 * @param lastPrice     the price at this tick
 * @param unrealizedPnl the open position's profit at {@code lastPrice}
 * @param realizedPnl   the sum of closed trades' profits
 * @param trades        trades made (opens and closes)
 * @param tick          ticks run since the agent (re)started
 * @param at            the tick's time
 */
public record AgentSnapshot(String agentId, String state, String strategy, double position, double entryPrice,
                            double lastPrice, double unrealizedPnl, double realizedPnl, long trades, long tick,
                            Instant at) {
    /**
     * Returns the message under its wire names, with {@code type: agent_status}.
     *
     * @return the fields
     */
    public Map<String, Object> toMessage() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "agent_status");
        m.put("agent_id", agentId);
        m.put("state", state);
        m.put("strategy", strategy);
        m.put("position", position);
        m.put("entry_price", entryPrice);
        m.put("last_price", lastPrice);
        m.put("unrealized_pnl", unrealizedPnl);
        m.put("realized_pnl", realizedPnl);
        m.put("pnl", realizedPnl + unrealizedPnl);
        m.put("trades", trades);
        m.put("tick", tick);
        m.put("at", at.toString());
        return m;
    }
}
