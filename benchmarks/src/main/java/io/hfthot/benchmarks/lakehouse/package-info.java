/**
 * JMH benchmarks of lakehouse-core against Delta Kernel's default engine doing the same work in the same run.
 */
package io.hfthot.benchmarks.lakehouse;
