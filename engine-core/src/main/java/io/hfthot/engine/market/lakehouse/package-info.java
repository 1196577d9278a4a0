/** The market history every surface reads: the live source's bars and ticks in the lakehouse ({@code market.ohlcv}, {@code market.ticks}) and its read cache. */
package io.hfthot.engine.market.lakehouse;
