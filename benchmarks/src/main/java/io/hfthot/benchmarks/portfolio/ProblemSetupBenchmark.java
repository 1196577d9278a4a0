package io.hfthot.benchmarks.portfolio;

import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.stats.CovarianceEstimate;
import io.hfthot.quant.stats.LedoitWolfCovariance;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The work before a solve: Ledoit-Wolf estimation from 504 daily returns, and problem validation (symmetry
 * plus the pivoted-Cholesky positive-semidefiniteness check). The peers in the issue (cvxopt, quadprog) do
 * no such check, so these figures are reported separately from the solve times.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProblemSetupBenchmark {

    @Param({"4", "50", "200"})
    int n;

    double[][] returns;
    double[][] covariance;
    double[] mu;

    /** Generates the returns and the annualised estimate. */
    @Setup
    public void setUp() {
        returns = BenchmarkProblems.dailyReturns(42, n);
        CovarianceEstimate e = LedoitWolfCovariance.constantCorrelation().estimate(returns).annualised(252);
        covariance = e.covariance();
        mu = e.mean();
    }

    /** Ledoit-Wolf constant-correlation estimate from 504 daily returns. */
    @Benchmark
    public CovarianceEstimate ledoitWolf() {
        return LedoitWolfCovariance.constantCorrelation().estimate(returns);
    }

    /** Problem construction: copies, symmetry and the pivoted-Cholesky PSD check. */
    @Benchmark
    public PortfolioProblem validateProblem() {
        return PortfolioProblem.builder(BenchmarkProblems.symbols(n)).covariance(covariance).expectedReturns(mu)
                .build();
    }
}
