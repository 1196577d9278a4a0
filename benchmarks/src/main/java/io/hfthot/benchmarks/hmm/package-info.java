/**
 * JMH benchmarks of the Gaussian HMM: inference (forward-backward and Viterbi), one Baum-Welch iteration, a full
 * fit, the streaming filter update and a regime signal.
 */
package io.hfthot.benchmarks.hmm;
