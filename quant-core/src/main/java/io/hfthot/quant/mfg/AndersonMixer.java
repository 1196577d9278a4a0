package io.hfthot.quant.mfg;

/**
 * Anderson acceleration (type II) of a fixed-point iteration {@code x = G(x)} in {@code R^n}, with
 * preallocated buffers so that a step allocates nothing.
 *
 * <p>Given the current iterate {@code x}, its image {@code g = G(x)} and residual {@code f = g - x},
 * a step finds the least-squares combination {@code gamma} of the last {@code depth} residual
 * differences that best cancels {@code f} and moves to {@code g - dG gamma}, where {@code dG} are the
 * matching differences of images. The least-squares problem is solved by modified Gram-Schmidt;
 * columns numerically dependent on newer ones are dropped. Without history (first step, or depth 0)
 * the step is the damped fixed-point step {@code x + damping f}. Not thread-safe.
 */
final class AndersonMixer {
    private final int n;
    private final int depth;
    private final double[][] deltaResidual;
    private final double[][] deltaImage;
    private final double[][] basis;
    private final double[] previousResidual;
    private final double[] previousImage;
    private final double[] r;
    private final double[] gamma;
    private final int[] columnOf;
    private int history;
    private int head;
    private boolean hasPrevious;

    AndersonMixer(int n, int depth) {
        this.n = n;
        this.depth = depth;
        deltaResidual = new double[depth][n];
        deltaImage = new double[depth][n];
        basis = new double[depth][n];
        previousResidual = new double[n];
        previousImage = new double[n];
        r = new double[depth * depth];
        gamma = new double[depth];
        columnOf = new int[depth];
    }

    /** Forgets the history (start of a new solve). */
    void reset() {
        history = 0;
        head = 0;
        hasPrevious = false;
    }

    /**
     * Replaces {@code x} by the next iterate.
     *
     * @param x        the current iterate (modified: becomes the next one)
     * @param image    {@code G(x)} (not modified)
     * @param residual {@code G(x) - x} (not modified)
     * @param usedDepth how many past differences to use (at most the depth this mixer was built for)
     * @param damping  the weight of a plain step
     */
    void step(double[] x, double[] image, double[] residual, int usedDepth, double damping) {
        if (usedDepth == 0) {
            damped(x, residual, damping);
            return;
        }
        if (hasPrevious) {
            double[] dF = deltaResidual[head];
            double[] dG = deltaImage[head];
            for (int i = 0; i < n; i++) {
                dF[i] = residual[i] - previousResidual[i];
                dG[i] = image[i] - previousImage[i];
            }
            head = (head + 1) % usedDepth;
            history = Math.min(history + 1, usedDepth);
        }
        System.arraycopy(residual, 0, previousResidual, 0, n);
        System.arraycopy(image, 0, previousImage, 0, n);
        hasPrevious = true;
        if (history == 0 || !accelerate(x, image, residual, usedDepth)) {
            damped(x, residual, damping);
        }
    }

    private void damped(double[] x, double[] residual, double damping) {
        for (int i = 0; i < n; i++) {
            x[i] += damping * residual[i];
        }
    }

    private boolean accelerate(double[] x, double[] image, double[] residual, int usedDepth) {
        int used = 0;
        for (int j = 0; j < history; j++) {
            int col = Math.floorMod(head - 1 - j, usedDepth);
            double[] v = basis[used];
            double[] source = deltaResidual[col];
            double original = 0;
            for (int i = 0; i < n; i++) {
                v[i] = source[i];
                original += source[i] * source[i];
            }
            for (int b = 0; b < used; b++) {
                double[] qb = basis[b];
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += qb[i] * v[i];
                }
                r[b * depth + used] = dot;
                for (int i = 0; i < n; i++) {
                    v[i] -= dot * qb[i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            if (!(norm > 1e-10 * Math.sqrt(original))) {
                continue;
            }
            r[used * depth + used] = norm;
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
            }
            columnOf[used] = col;
            used++;
        }
        if (used == 0) {
            return false;
        }
        for (int b = 0; b < used; b++) {
            double dot = 0;
            double[] qb = basis[b];
            for (int i = 0; i < n; i++) {
                dot += qb[i] * residual[i];
            }
            gamma[b] = dot;
        }
        for (int b = used - 1; b >= 0; b--) {
            double s = gamma[b];
            for (int c = b + 1; c < used; c++) {
                s -= r[b * depth + c] * gamma[c];
            }
            gamma[b] = s / r[b * depth + b];
        }
        for (int i = 0; i < n; i++) {
            double next = image[i];
            for (int b = 0; b < used; b++) {
                next -= gamma[b] * deltaImage[columnOf[b]][i];
            }
            x[i] = next;
        }
        return true;
    }
}
