/**
 * Planning cycles of hub agents (seed 004's {@code POST /plan}): the {@link io.hfthot.engine.hub.plan.Planner} SPI
 * and its regime-driven default; an LLM planner lives in the HTTP adapter (it needs JSON and a network client).
 */
package io.hfthot.engine.hub.plan;
