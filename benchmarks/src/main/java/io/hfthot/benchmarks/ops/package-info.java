/** What operating the server costs per request: the request meters' share of a REST request. */
package io.hfthot.benchmarks.ops;
