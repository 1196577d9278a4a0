package io.hfthot.quant.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import io.hfthot.quant.Tolerances;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link PortfolioOptimizer} contract every implementation must pass.
 */
abstract class PortfolioOptimizerContract {

    /** The optimiser under test. */
    abstract PortfolioOptimizer optimizer();

    /** A seeded problem this optimiser solves; an optimiser with a narrower domain overrides it. */
    PortfolioProblem.Builder problem(long seed, int n) {
        return RandomProblems.problem(seed, n);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 50, 200, 500})
    void weightsSumToOneAndComeInSymbolOrder(int n) {
        PortfolioProblem p = problem(1000 + n, n).build();
        PortfolioResult r = optimizer().optimize(p);
        assertEquals(SolverStatus.CONVERGED, r.status(), () -> "n=" + n + " " + r);
        assertEquals(p.symbols(), r.symbols());
        assertEquals(p.symbols(), List.copyOf(r.weightsBySymbol().keySet()));
        double sum = 0;
        for (double w : r.weights()) {
            assertTrue(Double.isFinite(w));
            sum += w;
        }
        assertEquals(1.0, sum, Tolerances.INVARIANT_ABSOLUTE);
        assertEquals(optimizer().name(), r.method());
        assertTrue(r.kktResidual() <= 1e-10, () -> "kkt " + r.kktResidual());
    }

    @Test
    void singleAssetGetsEverything() {
        PortfolioProblem p = PortfolioProblem.builder(List.of("ONLY")).covariance(new double[][] {{0.04}})
                .expectedReturns(new double[] {0.07}).build();
        PortfolioResult r = optimizer().optimize(p);
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertEquals(1.0, r.weights()[0], 0.0);
        assertEquals(0.04, r.portfolioVariance(), 1e-17);
    }

    @Test
    void riskContributionsSumToPortfolioVariance() {
        PortfolioProblem p = problem(7, 12).build();
        PortfolioResult r = optimizer().optimize(p);
        double[] w = r.weights();
        double[][] s = p.covariance();
        double var = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                var += w[i] * s[i][j] * w[j];
            }
        }
        assertEquals(var, r.portfolioVariance(), 1e-14);
    }

    @Test
    void permutingAssetsPermutesWeights() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 5; trial++) {
            int n = 3 + rnd.nextInt(30);
            PortfolioProblem p = problem(rnd.nextLong(), n).build();
            int[] perm = RandomProblems.permutation(rnd, n);
            PortfolioResult a = optimizer().optimize(p);
            PortfolioResult b = optimizer().optimize(RandomProblems.permuted(p, perm).build());
            for (int i = 0; i < n; i++) {
                assertEquals(a.weights()[perm[i]], b.weights()[i], 1e-10, "asset " + perm[i]);
                assertEquals(p.symbols().get(perm[i]), b.symbols().get(i));
            }
        }
    }

    @Test
    void reusedWorkspaceGivesBitIdenticalResults() {
        PortfolioWorkspace ws = new PortfolioWorkspace();
        PortfolioProblem big = problem(21, 40).build();
        PortfolioProblem small = problem(22, 15).build();
        PortfolioResult fresh = optimizer().optimize(small);
        optimizer().optimize(big, ws);
        PortfolioResult reused = optimizer().optimize(small, ws);
        PortfolioResult again = optimizer().optimize(small, ws);
        assertArrayEquals(fresh.weights(), reused.weights());
        assertArrayEquals(fresh.weights(), again.weights());
        assertEquals(fresh.iterations(), reused.iterations());
        assertEquals(Double.doubleToLongBits(fresh.objective()), Double.doubleToLongBits(reused.objective()));
    }

    @Test
    void registryReturnsThisOptimizerByName() {
        assertEquals(optimizer().getClass(), PortfolioOptimizers.byName(optimizer().name()).getClass());
    }

    @Test
    void unknownMethodListsTheAcceptedNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PortfolioOptimizers.byName("mean_variance"));
        assertTrue(e.getMessage().contains("mean_variance"), e.getMessage());
        assertTrue(e.getMessage().contains("cara") && e.getMessage().contains("risk_parity")
                && e.getMessage().contains("sparse_l1"), e.getMessage());
    }

    @Test
    void resultCopiesItsArrays() {
        PortfolioResult r = optimizer().optimize(problem(5, 4).build());
        double[] w = r.weights();
        w[0] = 99;
        assertTrue(r.weights()[0] != 99);
    }
}
