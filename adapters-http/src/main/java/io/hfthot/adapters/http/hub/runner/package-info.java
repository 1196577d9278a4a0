/**
 * The hub's process runner: {@link io.hfthot.adapters.http.hub.runner.ProcessAgentRuntime} starts one child JVM per
 * agent ({@link io.hfthot.adapters.http.hub.runner.AgentProcess}), which serves seed 004's agent endpoints on its
 * own port and pushes status, trades and logs to the hub's {@code /internal/*} endpoints.
 */
package io.hfthot.adapters.http.hub.runner;
