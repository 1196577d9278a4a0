/** Load runs of the HTI trade-ideas stream (issue 15). */
package io.hfthot.benchmarks.hti;
