package io.hfthot.quant.marketmaking;

import io.hfthot.quant.InvalidParameterException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The exact optimal quotes of Gueant, Lehalle and Fernandez-Tapia (2013) for inventories
 * {@code |q| <= Q}.
 *
 * <p>With {@code alpha = (k / 2) gamma sigma^2} and
 * {@code eta = A (1 + gamma / k)^-(1 + k / gamma)}, let {@code M} be the symmetric tridiagonal matrix
 * on {@code q = -Q..Q} with diagonal {@code alpha q^2} and off-diagonals {@code -eta}, and
 * {@code v(t) = exp(-M (T - t)) 1}. Then, with {@code c = (1 / gamma) ln(1 + gamma / k)},
 * {@code bidOffset(q) = (1 / k) ln(v_q / v_{q+1}) + c} and
 * {@code askOffset(q) = (1 / k) ln(v_q / v_{q-1}) + c}.
 *
 * <p><b>How the exponential is computed.</b> {@code M} commutes with the reflection
 * {@code q -> -q} and the start vector {@code 1} is even, so {@code v} stays in the even subspace:
 * {@code v_{-q} = v_q}. On {@code p = |q| = 0..Q} the even part of {@code M} is tridiagonal with
 * diagonal {@code alpha p^2} and off-diagonals {@code -eta}, except {@code -2 eta} from row 0 to row 1;
 * scaling {@code v_0} by {@code 1 / sqrt(2)} makes it symmetric ({@code -sqrt(2) eta} both ways).
 * Working there halves the size and removes the nearly degenerate even/odd pairs of the full
 * matrix, whose eigenvectors are ill-determined. With the symmetric block
 * {@code M_e = V diag(lambda) V^T} (the implicit QL method of {@link SymmetricTridiagonalEigen}, backward stable),
 * {@code v = T^-1 V diag(exp(-(lambda - lambda_min) tau)) V^T T 1} up to the factor
 * {@code exp(-lambda_min tau)}, which cancels in every ratio; shifting by the smallest eigenvalue keeps
 * every exponential in (0, 1] for any horizon. The decomposition depends only on
 * {@code (alpha, eta, Q)} and is cached (the last four parameter sets, e.g. one per volatility
 * regime; entries are immutable and replaced atomically), so a quote costs
 * {@code Q + 1} exponentials and three dot products.
 *
 * <p><b>Limits of double precision.</b> Eigenvectors carry absolute errors of order
 * {@code eps ||M|| / gap}, so deep in the tails, where {@code v_q} is tiny next to {@code v_0} (large
 * {@code Q sqrt(alpha / eta)} and long horizons), an entry can be pure rounding noise. The model
 * bounds that error for the three entries it uses and throws {@link ArithmeticException} when it
 * exceeds {@code 1e-6} relative, rather than quote from noise; {@link GlftAsymptotic} is the right
 * model there. Thread-safe.
 */
public final class GlftExact implements QuotingModel {
    /** Relative error of an entry of v above which a quote is refused. */
    static final double MAX_RELATIVE_ERROR = 1e-6;

    /** How many parameter sets keep their decomposition (e.g. one per volatility regime). */
    static final int CACHE_SIZE = 4;

    private final AtomicReferenceArray<Spectrum> cache = new AtomicReferenceArray<>(CACHE_SIZE);
    private final AtomicInteger nextSlot = new AtomicInteger();

    @Override
    public Quote quote(QuoteRequest request) {
        int limit = request.maxInventory();
        double q = request.inventory();
        if (q != Math.rint(q) || Math.abs(q) > limit) {
            throw new InvalidParameterException("inventory",
                    "inventory must be a whole number of lots in [-" + limit + ", " + limit
                    + "] for the exact GLFT model, got " + q);
        }
        int index = (int) q + limit;
        Spectrum s = spectrum(request);
        double[] weights = s.weights(request.timeLeft());
        double g = request.riskAversion();
        double k = request.intensityK();
        double base = Math.log1p(g / k) / g;
        double vq = s.entry(index, weights);
        double bid = Double.NaN;
        double ask = Double.NaN;
        if (index + 1 < s.size) {
            bid = Math.log(vq / s.entry(index + 1, weights)) / k + base;
        }
        if (index - 1 >= 0) {
            ask = Math.log(vq / s.entry(index - 1, weights)) / k + base;
        }
        return Quote.around(request, bid, ask);
    }

    /**
     * The vector {@code v = exp(-M tau) 1}, scaled so that its largest entry is one, for every
     * inventory {@code -Q..Q} (index {@code q + Q}). Used by the tests against independent matrix
     * exponentials.
     *
     * @param request the parameters (inventory is ignored)
     * @return the scaled vector, length {@code 2Q + 1}
     */
    double[] scaledValueVector(QuoteRequest request) {
        Spectrum s = spectrum(request);
        double[] weights = s.weights(request.timeLeft());
        double[] v = new double[s.size];
        double max = 0;
        for (int i = 0; i < s.size; i++) {
            v[i] = s.entry(i, weights);
            max = Math.max(max, v[i]);
        }
        for (int i = 0; i < s.size; i++) {
            v[i] /= max;
        }
        return v;
    }

    private Spectrum spectrum(QuoteRequest request) {
        double g = request.riskAversion();
        double k = request.intensityK();
        double sigma = request.volatility();
        double alpha = 0.5 * k * g * sigma * sigma;
        double eta = request.intensityA() * Math.exp(-(1 + k / g) * Math.log1p(g / k));
        for (int i = 0; i < CACHE_SIZE; i++) {
            Spectrum s = cache.get(i);
            if (s != null && s.alpha == alpha && s.eta == eta && s.limit == request.maxInventory()) {
                return s;
            }
        }
        Spectrum s = new Spectrum(alpha, eta, request.maxInventory());
        cache.set(Math.floorMod(nextSlot.getAndIncrement(), CACHE_SIZE), s);
        return s;
    }

    @Override
    public String name() {
        return "glft-exact";
    }

    /** The eigen-decomposition of the even block of M for one (alpha, eta, Q); immutable. */
    private static final class Spectrum {
        private static final double SQRT2 = Math.sqrt(2);
        final double alpha;
        final double eta;
        final int limit;
        /** Number of even-block entries, {@code Q + 1}. */
        final int blockSize;
        /** Number of inventories, {@code 2Q + 1}. */
        final int size;
        final double[] lambda;
        /** Row-major: {@code vectors[p * blockSize + j]} is entry p of eigenvector j. */
        final double[] vectors;
        /** {@code V^T T 1}. */
        final double[] projections;
        /** {@code ||M_e|| / gap_j}: how much rounding in eigenvector j is amplified. */
        final double[] sensitivity;
        final double lambdaMin;

        Spectrum(double alpha, double eta, int limit) {
            this.alpha = alpha;
            this.eta = eta;
            this.limit = limit;
            this.blockSize = limit + 1;
            this.size = 2 * limit + 1;
            int n = blockSize;
            lambda = new double[n];
            double[] off = new double[n - 1];
            for (int p = 0; p < n; p++) {
                lambda[p] = alpha * p * p;
                if (p + 1 < n) {
                    off[p] = p == 0 ? -SQRT2 * eta : -eta;
                }
            }
            vectors = new double[n * n];
            SymmetricTridiagonalEigen.decompose(lambda, off, vectors);
            projections = new double[n];
            sensitivity = new double[n];
            double min = Double.POSITIVE_INFINITY;
            double norm = 0;
            for (int j = 0; j < n; j++) {
                min = Math.min(min, lambda[j]);
                norm = Math.max(norm, Math.abs(lambda[j]));
                double sum = 0;
                for (int p = 0; p < n; p++) {
                    double x = vectors[p * n + j];
                    sum += p == 0 ? x / SQRT2 : x;
                }
                projections[j] = sum;
            }
            for (int j = 0; j < n; j++) {
                double gap = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if (i != j) {
                        gap = Math.min(gap, Math.abs(lambda[i] - lambda[j]));
                    }
                }
                sensitivity[j] = 1 + norm / Math.max(gap, Double.MIN_NORMAL);
            }
            lambdaMin = min;
        }

        double[] weights(double tau) {
            double[] w = new double[blockSize];
            for (int j = 0; j < blockSize; j++) {
                w[j] = projections[j] * Math.exp(-(lambda[j] - lambdaMin) * tau);
            }
            return w;
        }

        /** The entry of v at lattice index {@code i} (inventory {@code i - Q}), up to a common factor. */
        double entry(int i, double[] weights) {
            int p = Math.abs(i - limit);
            double sum = 0;
            double bound = 0;
            int row = p * blockSize;
            for (int j = 0; j < blockSize; j++) {
                double w = weights[j];
                sum += vectors[row + j] * w;
                bound += Math.abs(w) * sensitivity[j];
            }
            double relativeError = 8 * blockSize * Math.ulp(1.0) * bound / Math.abs(sum);
            if (!(sum > 0) || !(relativeError <= MAX_RELATIVE_ERROR)) {
                throw new ArithmeticException("GLFT value at inventory " + (i - limit) + " is below double-precision "
                        + "resolution (estimated relative error " + relativeError + " > " + MAX_RELATIVE_ERROR
                        + "); use GlftAsymptotic or a smaller maxInventory");
            }
            return p == 0 ? sum * SQRT2 : sum;
        }
    }
}
