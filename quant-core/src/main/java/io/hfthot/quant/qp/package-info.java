/**
 * Convex quadratic programs over general linear constraints: {@link io.hfthot.quant.qp.QuadraticProgram} (the
 * problem, built with named parameters) and {@link io.hfthot.quant.qp.QpSolver} (ADMM with solution polishing,
 * written by hand because quant-core depends on the JDK only). The portfolio optimisers use it for group limits,
 * turnover budgets and general linear constraints.
 */
package io.hfthot.quant.qp;
