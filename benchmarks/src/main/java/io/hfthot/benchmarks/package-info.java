/**
 * JMH benchmarks for every capability, each naming the peer figure it is compared with.
 */
package io.hfthot.benchmarks;
