/**
 * gRPC benchmarks: GetRegime round-trip latency (JMH) and StreamTicks throughput to one client (a load
 * client), each next to bare grpc-java on the same transport and proto measured in the same run.
 */
package io.hfthot.benchmarks.grpc;
