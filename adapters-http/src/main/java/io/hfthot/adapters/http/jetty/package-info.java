/**
 * The Jetty listener ({@link io.hfthot.adapters.http.jetty.TransportServer}): an
 * {@link io.hfthot.adapters.http.HttpSurface}'s REST and SSE routes through Jetty's implementation of the
 * {@code com.sun.net.httpserver} API, its WebSocket endpoints through Jetty WebSocket on the same port, TLS, and
 * the transport's guards (slow clients, body budgets, connections per address). Everything that imports Jetty is
 * here.
 */
package io.hfthot.adapters.http.jetty;
