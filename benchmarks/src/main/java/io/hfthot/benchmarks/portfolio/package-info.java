/**
 * JMH benchmarks of the portfolio optimisers, covariance estimation and the backtester, with ojAlgo's QP as a
 * same-run peer.
 */
package io.hfthot.benchmarks.portfolio;
