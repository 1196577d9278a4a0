/**
 * Transport benchmarks: router lookup (JMH) and the load server that {@code benchmarks/load/wrk-health.sh}
 * drives to compare the HTTP adapter with a bare handler on the same Jetty server.
 */
package io.hfthot.benchmarks.http;
