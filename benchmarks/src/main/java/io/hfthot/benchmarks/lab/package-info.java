/** JMH benchmarks of the Research Lab engine calls (OHLCV and regime) without a transport. */
package io.hfthot.benchmarks.lab;
