/**
 * Return and covariance estimation: simple returns from prices, the unbiased sample covariance and
 * Ledoit-Wolf (2004) shrinkage towards a constant-correlation or a scaled-identity target, with explicit
 * annualisation.
 */
package io.hfthot.quant.stats;
