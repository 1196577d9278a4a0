package io.hfthot.engine.lab.api;

import java.util.List;

/**
 * The body of a backtest: a periodically rebalanced portfolio over daily lakehouse history.
 *
 * @param method        {@code cara}, {@code risk_parity} or {@code sparse_l1} (required)
 * @param symbols       the assets (required)
 * @param startTime     Unix ms of the first day, or null for 365 days before {@code endTime}
 * @param endTime       Unix ms of the last day, or null for now
 * @param lookbackDays  estimation window in days, or null for 60
 * @param rebalanceDays days between rebalances, or null for 7
 * @param costBps       transaction cost per unit of turnover in basis points, or null for 10
 * @param gamma         CARA risk aversion, or null for 2.0
 * @param rho           sparse_l1 penalty, or null for 0.05
 */
public record BacktestRequest(String method, List<String> symbols, Long startTime, Long endTime, Integer lookbackDays,
                              Integer rebalanceDays, Double costBps, Double gamma, Double rho) {
}
