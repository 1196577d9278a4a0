/**
 * The {@code /v1/stream} WebSocket of seed 000 over the JDK {@link java.net.http.WebSocket}: subscribe to
 * {@code price_feed} and {@code regime} and read typed messages through a blocking iterator.
 */
package io.hfthot.client.stream;
