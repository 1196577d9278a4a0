package io.hfthot.engine.hub.agents;

/**
 * A trading rule an agent runs at each tick. Implementations are stateless (the price window carries the
 * state), so one instance serves any number of agents.
 */
public interface Strategy {
    /**
     * Returns the wire name ({@code strategy_name}).
     *
     * @return the name
     */
    String name();

    /**
     * Decides at a tick.
     *
     * @param prices the agent's recent prices, newest last (the current price included)
     * @param long_  whether the agent holds a position
     * @param market the rest of the market
     * @return the signal
     */
    Signal decide(PriceWindow prices, boolean long_, MarketView market);
}
