package io.hfthot.quant.portfolio;

/**
 * Reusable scratch memory for the optimisers, so that repeated solves allocate nothing but their result.
 *
 * <p>One workspace serves every optimiser and any size: it grows on demand and never shrinks. It holds no
 * state between solves that could change a result: a solve with a reused workspace gives bit-identical
 * results to a solve with a fresh one. Not thread-safe: use one per thread.
 */
public final class PortfolioWorkspace {
    int assets = -1;
    double[] chol = new double[0];
    double[] x = new double[0];
    double[] lin = new double[0];
    double[] lo = new double[0];
    double[] hi = new double[0];
    int[] state = new int[0];
    int[] free = new int[0];
    double[] p = new double[0];
    double[] z = new double[0];
    double[] col = new double[0];
    double[] sw = new double[0];
    double[] w = new double[0];
    double[] history = new double[0];
    final double[] small = new double[RiskParityOptimizer.ANDERSON_DEPTH * RiskParityOptimizer.ANDERSON_DEPTH];
    final double[] smallRhs = new double[RiskParityOptimizer.ANDERSON_DEPTH];
    final double[] smallGram = new double[(RiskParityOptimizer.ANDERSON_DEPTH + 1) * (RiskParityOptimizer.ANDERSON_DEPTH + 1)];
    final double[] smallCoef = new double[RiskParityOptimizer.ANDERSON_DEPTH + 1];
    final int[] smallSlots = new int[RiskParityOptimizer.ANDERSON_DEPTH + 1];
    final double[] pair = new double[2];
    /** Four dot products at once (the sparse_l1 growth path's gradient). */
    final double[] four = new double[4];

    // sparse_l1 (SparseL1ActiveSet), allocated on its first use.
    int sparseAssets = -1;
    int removedCount;
    int[] position = new int[0];
    int[] removed = new int[0];
    int[] removedIndex = new int[0];
    double[] side = new double[0];
    double[] vr = new double[0];
    double[] v1 = new double[0];
    double[] target = new double[0];
    double[] zTarget = new double[0];
    double[] u1 = new double[0];
    double[] u2 = new double[0];
    double[] gradientWork = new double[0];
    double[] removedColumns = new double[0];
    /** The growth path's Cholesky factor transposed (row i holds column i of L), for dot-form back substitution. */
    double[] cholTransposed = new double[0];
    double[] capacitance = new double[0];

    /** Creates an empty workspace that grows on first use. */
    public PortfolioWorkspace() {
    }

    /**
     * Creates a workspace sized for {@code n} assets.
     *
     * @param n the number of assets, >= 1
     */
    public PortfolioWorkspace(int n) {
        ensure(n);
    }

    /** Makes room for {@code n} assets (and 2n split variables); contents are unspecified afterwards. */
    void ensure(int n) {
        if (n <= assets) {
            return;
        }
        int m = 2 * n;
        chol = new double[n * n];
        x = new double[m];
        lin = new double[m];
        lo = new double[m];
        hi = new double[m];
        state = new int[m];
        free = new int[n];
        p = new double[n];
        z = new double[n];
        col = new double[n];
        sw = new double[n];
        w = new double[n];
        history = new double[3 * (RiskParityOptimizer.ANDERSON_DEPTH + 1) * n];
        assets = n;
    }

    /** Makes room for the sparse_l1 solver on {@code n} assets (and for {@link #ensure(int)}). */
    void ensureSparse(int n) {
        ensure(n);
        if (n <= sparseAssets) {
            return;
        }
        position = new int[n];
        removed = new int[n];
        removedIndex = new int[n];
        side = new double[n];
        vr = new double[n];
        v1 = new double[n];
        target = new double[n];
        zTarget = new double[n];
        u1 = new double[n];
        u2 = new double[n];
        gradientWork = new double[n];
        removedColumns = new double[n * n];
        cholTransposed = new double[n * n];
        capacitance = new double[n * n];
        sparseAssets = n;
    }
}
