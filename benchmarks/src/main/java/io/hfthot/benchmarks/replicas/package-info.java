/** Benchmarks of the Redis backends behind several server replicas (issue 18). */
package io.hfthot.benchmarks.replicas;
