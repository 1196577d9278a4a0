/**
 * Seed 000's HFThot Research Lab API over HTTP: the REST routes under {@code /v1/}, the
 * {@code /v1/stream} WebSocket, the API-key and quota filter, and the OpenAPI document. Entry point:
 * {@link io.hfthot.adapters.http.lab.LabHttpSurface}.
 */
package io.hfthot.adapters.http.lab;
