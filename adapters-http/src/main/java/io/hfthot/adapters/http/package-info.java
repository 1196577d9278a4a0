/**
 * The transport-neutral surface API: {@link io.hfthot.adapters.http.HttpSurface} and its routes, filters,
 * requests, responses, errors, JSON codec and WebSocket interfaces. Transports live in {@code .jdk}
 * ({@code com.sun.net.httpserver}) and {@code .jetty} (the reference listener, WebSocket included).
 */
package io.hfthot.adapters.http;
