/**
 * Load tools for seed 000's HTTP surface: the server {@code benchmarks/load/lab-rest.sh} drives with wrk
 * (lab routes next to a static-JSON route in the same run) and a WebSocket fan-out client measuring
 * ingest-to-send latency to 100 subscribers.
 */
package io.hfthot.benchmarks.lab.http;
