/**
 * Request and response records of the Research Lab operations (seed 000). Record components are named
 * so that Jackson's {@code SNAKE_CASE} naming strategy yields the seed's JSON spelling
 * ({@code latencyMs} becomes {@code latency_ms}, {@code stateProbs} becomes {@code state_probs}).
 * Optional request fields are boxed and null when absent; the engine applies the documented defaults.
 */
package io.hfthot.engine.lab.api;
