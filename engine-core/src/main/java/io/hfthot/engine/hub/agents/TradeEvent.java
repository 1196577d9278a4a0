package io.hfthot.engine.hub.agents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A paper trade: a position opened or closed (the {@code trade} message of seed 004's WebSocket).
 *
 * @param tradeId  the id
 * @param agentId  the agent
 * @param action   {@code open} or {@code close}
 * @param quantity base units
 * @param price    the fill price (the ask for an open, the bid for a close)
 * @param pnl      the closed position's profit; 0 for an open
 * @param reason   {@code signal}, {@code stop_loss}, {@code take_profit}, {@code daily_loss_limit} or {@code stop}
 * @param at       the fill time
 */
public record TradeEvent(String tradeId, String agentId, String action, double quantity, double price, double pnl,
                         String reason, Instant at) {
    /**
     * Returns the message under its wire names, with {@code type: trade}.
     *
     * @return the fields
     */
    public Map<String, Object> toMessage() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "trade");
        m.put("trade_id", tradeId);
        m.put("agent_id", agentId);
        m.put("action", action);
        m.put("side", "open".equals(action) ? "buy" : "sell");
        m.put("quantity", quantity);
        m.put("price", price);
        m.put("pnl", pnl);
        m.put("reason", reason);
        m.put("at", at.toString());
        return m;
    }
}
