/**
 * Market-making quote models behind the {@link io.hfthot.quant.marketmaking.QuotingModel} SPI:
 * Avellaneda-Stoikov, Gueant-Lehalle-Fernandez-Tapia exact (matrix exponential) and its closed-form
 * asymptotic approximation, a spread floor, and the mapping from the market-maker bot's parameters
 * (seed 003) onto them. The formulas and the mapping are documented in {@code docs/quoting.md}.
 */
package io.hfthot.quant.marketmaking;
