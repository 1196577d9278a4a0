package io.hfthot.benchmarks.portfolio;

import io.hfthot.quant.portfolio.PortfolioProblem;
import java.util.concurrent.TimeUnit;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.convex.ConvexSolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Same-run Java peer for {@code cara}: the long-only mean-variance problem solved by ojAlgo 57.1's convex QP,
 * once through {@link ExpressionsBasedModel} (model building and presolve included, as most users call it)
 * and once through {@link ConvexSolver}'s builder with dense matrices (the solver alone). Compared with
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
    R064Store q;
    R064Store c;
    R064Store ae;
    R064Store be;
    R064Store ai;
    R064Store bi;

    /** Builds the matrices and checks that ojAlgo and {@code cara} agree on this problem. */
    @Setup
    public void setUp() {
        PortfolioProblem p = BenchmarkProblems.builder(42, n).build();
        sigma = p.covariance();
        mu = p.expectedReturns();
        gamma = p.gamma();
        // ojAlgo minimises (1/2) x'Qx - c'x subject to AE x = BE, AI x <= BI.
        q = R064Store.FACTORY.make(n, n);
        c = R064Store.FACTORY.make(n, 1);
        ae = R064Store.FACTORY.make(1, n);
        be = R064Store.FACTORY.make(1, 1);
        ai = R064Store.FACTORY.make(n, n);
        bi = R064Store.FACTORY.make(n, 1);
        for (int i = 0; i < n; i++) {
            c.set(i, 0, mu[i]);
            ae.set(0, i, 1.0);
            ai.set(i, i, -1.0);
            for (int j = 0; j < n; j++) {
                q.set(i, j, gamma * sigma[i][j]);
            }
        }
        be.set(0, 0, 1.0);
        double[] ours = PortfolioOptimizers.byName("cara").optimize(p).weights();
        Optimisation.Result theirs = ojAlgoConvexSolver();
        for (int i = 0; i < n; i++) {
            if (Math.abs(ours[i] - theirs.doubleValue(i)) > 1e-5) {
                throw new IllegalStateException("ojAlgo and cara disagree at asset " + i + ": " + theirs.doubleValue(i)
                        + " vs " + ours[i] + " (" + theirs.getState() + ")");
            }
        }
    }

    /** ojAlgo's convex solver on dense matrices. */
    @Benchmark
    public Optimisation.Result ojAlgoConvexSolver() {
        return ConvexSolver.newBuilder().objective(q, c).equalities(ae, be).inequalities(ai, bi).solve();
    }

    /** ojAlgo through its modelling layer, model building included. */
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
