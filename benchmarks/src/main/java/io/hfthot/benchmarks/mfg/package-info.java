/**
 * JMH benchmarks of the mean-field game solver, the N-agent simulation and the quoting models.
 */
package io.hfthot.benchmarks.mfg;
