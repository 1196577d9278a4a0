/**
 * Seed 003's market-maker bot: the {@link io.hfthot.engine.marketmaker.ExecutionVenue} SPI and its embedded
 * {@link io.hfthot.engine.marketmaker.SimulatedVenue}, exact accounting ({@link io.hfthot.engine.marketmaker.Ledger}),
 * the quoting loop ({@link io.hfthot.engine.marketmaker.MarketMakerBot}) and the engine service that runs it,
 * persists it and publishes its {@link io.hfthot.engine.marketmaker.TradeData}
 * ({@link io.hfthot.engine.marketmaker.MarketMakerService}).
 */
package io.hfthot.engine.marketmaker;
