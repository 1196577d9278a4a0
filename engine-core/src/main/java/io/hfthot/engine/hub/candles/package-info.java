/**
 * The hub's candle cache (seed 004's {@code GET /api/market/candles}): candles served from memory with a
 * staleness tolerance, provider calls held within a sliding-window budget, and a provider SPI whose default reads
 * the engine's recorded market history.
 */
package io.hfthot.engine.hub.candles;
