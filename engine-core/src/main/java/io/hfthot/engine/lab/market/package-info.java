/** The lab's market history in the lakehouse ({@code market.ohlcv}, {@code market.ticks}) and its read cache. */
package io.hfthot.engine.lab.market;
