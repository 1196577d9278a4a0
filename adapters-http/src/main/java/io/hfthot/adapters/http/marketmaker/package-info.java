/**
 * Seed 003's market-maker HTTP surface over a {@link io.hfthot.engine.marketmaker.MarketMakerService}: the
 * {@code TradeData} stream, health, the parameters and emergency-stop controls behind the dashboard key.
 */
package io.hfthot.adapters.http.marketmaker;
