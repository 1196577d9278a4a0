/** JMH benchmarks of the market-data simulator: tick generation, tick pulls and history generation. */
package io.hfthot.benchmarks.market;
