/**
 * JMH benchmarks of the quota engine: sliding-window decisions single-threaded, contended on one key
 * and spread over several keys, and the full per-request path (key hash, lookup, decision, usage).
 */
package io.hfthot.benchmarks.quota;
