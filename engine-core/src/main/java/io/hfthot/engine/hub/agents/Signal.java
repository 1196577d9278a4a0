package io.hfthot.engine.hub.agents;

/** What a strategy wants at a tick; the agent's risk limits may still overrule it. */
public enum Signal {
    /** Open a long position of {@link RiskParams#maxPosition()} when flat. */
    ENTER_LONG,
    /** Close the open position. */
    EXIT,
    /** Keep the current position. */
    HOLD
}
