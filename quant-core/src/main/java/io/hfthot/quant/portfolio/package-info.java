/**
 * Exact long-only and long-short portfolio optimisers behind one {@link io.hfthot.quant.portfolio.PortfolioOptimizer}
 * SPI: {@code cara} (mean-variance utility with per-asset bounds, primal active set), {@code risk_parity}
 * (equal or budgeted risk contributions, Spinu's convex formulation by cyclical coordinate descent) and
 * {@code sparse_l1} (L1-penalised mean-variance with shorts, after Brodie et al. 2009, active set on the
 * sign-split problem). Look optimisers up by name with {@link io.hfthot.quant.portfolio.PortfolioOptimizers}.
 */
package io.hfthot.quant.portfolio;
