/**
 * The Research Lab service (seed 000): {@link io.hfthot.engine.lab.LabService}, over the shared
 * {@link io.hfthot.engine.Engine}, one method per operation of
 * the API, with no transport code. Adapters (REST/WebSocket, gRPC) decode a request, make one engine call and
 * encode the record it returns; every failure is a {@link io.hfthot.engine.EngineException} carrying seed
 * 000's error code and the offending parameter. Live events are published on the
 * {@link io.hfthot.engine.events.EventBus} under the topics of {@link io.hfthot.engine.lab.LabTopics}.
 */
package io.hfthot.engine.lab;

import io.hfthot.engine.EngineException;
