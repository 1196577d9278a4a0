/**
 * The hub's trading agents (seed 004): what an agent is ({@link io.hfthot.engine.hub.agents.AgentSpec},
 * {@link io.hfthot.engine.hub.agents.RiskParams}), the strategies it can run, its paper-trading loop against the
 * engine's simulated market, the {@link io.hfthot.engine.hub.agents.AgentRuntime} SPI that runs loops (in-process
 * by default) and the stores of agents, trades and logs.
 */
package io.hfthot.engine.hub.agents;
