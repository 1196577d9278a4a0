/** Load scripts of the agents hub (seed 004). */
package io.hfthot.benchmarks.hub;
