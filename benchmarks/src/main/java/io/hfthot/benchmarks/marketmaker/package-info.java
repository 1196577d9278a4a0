/** The market maker (seed 003): quote decision latency (JMH) and the TradeData stream fan-out load. */
package io.hfthot.benchmarks.marketmaker;
