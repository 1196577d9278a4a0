/**
 * Gaussian hidden Markov models: an immutable {@link io.hfthot.quant.hmm.GaussianHmm}, Baum-Welch
 * fitting with k-means++ restarts ({@link io.hfthot.quant.hmm.BaumWelch}), scaled forward-backward,
 * log-space Viterbi and an O(K^2) streaming filter, all running allocation-free in a reusable
 * {@link io.hfthot.quant.hmm.HmmWorkspace}.
 *
 * <p>Emissions are diagonal Gaussians over {@code d} features. Models and options are immutable and
 * thread-safe; workspaces and filters are not (use one per thread).
 */
package io.hfthot.quant.hmm;
