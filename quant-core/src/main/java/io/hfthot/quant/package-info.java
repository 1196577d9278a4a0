/**
 * Quant math for HFThot: hidden Markov regimes, mean-field games, portfolio optimisation, quoting models and backtests. Pure Java, no I/O.
 */
package io.hfthot.quant;
