package io.hfthot.benchmarks.portfolio;

import io.hfthot.quant.portfolio.PortfolioProblem;
import java.util.concurrent.TimeUnit;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Same-run Java peer for {@code cara}: the long-only mean-variance problem solved by ojAlgo 57.1's convex QP
 * through {@link ExpressionsBasedModel} (model building included, as a user would call it). Compared with
 * {@code PortfolioOptimizerBenchmark.solve} for {@code method = cara} and with cvxopt's 5-6 ms at n = 200.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OjAlgoPeerBenchmark {

    @Param({"4", "50", "200"})
    int n;

    double[][] sigma;
    double[] mu;
    double gamma;

    @Setup
    public void setUp() {
        PortfolioProblem p = BenchmarkProblems.builder(42, n).build();
        sigma = p.covariance();
        mu = p.expectedReturns();
        gamma = p.gamma();
    }

    @Benchmark
    public Optimisation.Result ojAlgoCara() {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] v = new Variable[n];
        for (int i = 0; i < n; i++) {
            v[i] = model.addVariable("w" + i).lower(0.0);
        }
        Expression budget = model.addExpression("budget").level(1.0);
        Expression objective = model.addExpression("objective").weight(1.0);
        for (int i = 0; i < n; i++) {
            budget.set(v[i], 1.0);
            objective.set(v[i], -mu[i]);
            for (int j = 0; j < n; j++) {
                objective.set(v[i], v[j], 0.5 * gamma * sigma[i][j]);
            }
        }
        return model.minimise();
    }
}
