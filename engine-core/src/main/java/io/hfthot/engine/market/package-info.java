/**
 * Market data behind the {@link io.hfthot.engine.market.MarketDataSource} SPI: tickers, order books,
 * OHLCV bars for the intervals of {@link io.hfthot.engine.market.Interval} and a gap-free, sequenced
 * trade-tick feed.
 *
 * <p>{@link io.hfthot.engine.market.SimulatedMarket} is the embedded default: a deterministic,
 * regime-switching multi-asset simulator that also generates the history a fresh installation needs
 * (see {@code docs/market-data.md} for the model). {@link io.hfthot.engine.market.OhlcvAggregator}
 * builds bars from ticks and coarser bars from finer ones, so a real feed plugged in behind the SPI
 * gets the same bar semantics.
 */
package io.hfthot.engine.market;
