/**
 * Market regimes from a Gaussian HMM: features built from close prices ({@link io.hfthot.quant.regime.RegimeFeatures}),
 * a deterministic mapping of HMM states to {@code trending}, {@code mean_reverting} and {@code volatile}
 * ({@link io.hfthot.quant.regime.RegimeMapping}), the current regime with its confidence and recommended strategy
 * ({@link io.hfthot.quant.regime.RegimeSignal}) and a detector that emits a
 * {@link io.hfthot.quant.regime.RegimeChangeEvent} when the Viterbi regime changes with confidence above 0.75.
 */
package io.hfthot.quant.regime;
