package io.hfthot.quant.mfg;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.SolverStatus;

/**
 * Solves the crowded-execution mean-field game by finite differences: the HJB equation backward
 * on an inventory grid, the Fokker-Planck equation forward, coupled through the crowd's mean trading
 * speed and iterated to a fixed point.
 *
 * <p><b>HJB step.</b> With {@code h(t,q)} the part of the value function that does not depend on
 * cash or price ({@code V = x + q s + h}), the HJB equation is
 * {@code d_t h + sup_nu (nu d_q h - kappa nu^2) - phi q^2 + alpha mu(t) q = 0},
 * {@code h(T,q) = -A q^2}, with maximiser {@code nu* = d_q h / (2 kappa)}. Each step freezes the
 * control computed from {@code h^{n+1}} (so the step is linear), writes it as a Markov generator
 * {@code L^n} on the grid (jump rates up {@code a_i >= 0} and down {@code b_i >= 0}; see
 * {@link DifferenceScheme}) and solves the implicit system
 * {@code (I - dt L^n) h^n = h^{n+1} + dt (-kappa nu^2 - phi q^2 + alpha mu_n q)}. The matrix is a
 * tridiagonal M-matrix, so the step is monotone and unconditionally stable. Agents cannot leave the
 * grid: the edge nodes have no outward rate (a state constraint).
 *
 * <p><b>Fokker-Planck step.</b> The density weights move with the adjoint of the same operator,
 * {@code (I - dt L^n)^T m^{n+1} = m^n}. Because the rows of {@code L^n} sum to zero, the weights keep
 * their sum exactly (up to rounding), and because the transposed M-matrix has a non-negative inverse
 * (and the Thomas recursion only adds non-negative terms here) they stay non-negative. The crowd's
 * speed is {@code mu_n = sum_i (L^n q)_i m_i^{n+1}}, which gives {@code E^{n+1} = E^n + dt mu_n}.
 *
 * <p><b>Outer loop.</b> One backward-forward sweep is a map {@code mu -> Phi(mu)}; its fixed point is
 * the equilibrium. Iteration stops when {@code max|Phi(mu) - mu| <= tol max|Phi(mu)|}, using
 * Anderson acceleration (see {@link MfgSolverOptions#defaults()} for why plain Picard is not enough).
 * The result reports the last sweep, whose mean speed moves its mean inventory exactly.
 *
 * <p>Tridiagonal systems are solved by the Thomas algorithm, hand-written here because neither EJML
 * nor ojAlgo has an allocation-free banded solve; it needs no pivoting on these diagonally dominant
 * M-matrices. Thread-safe: the solver holds only its options; workspaces are per thread.
 */
public final class MeanFieldGameSolver {
    private final MfgSolverOptions options;

    /** A solver with {@link MfgSolverOptions#defaults()}. */
    public MeanFieldGameSolver() {
        this(MfgSolverOptions.defaults());
    }

    /**
     * A solver with the given options.
     *
     * @param options the outer-loop settings
     */
    public MeanFieldGameSolver(MfgSolverOptions options) {
        if (options == null) {
            throw new InvalidParameterException("options", "options must not be null");
        }
        this.options = options;
    }

    /** The options of this solver. */
    public MfgSolverOptions options() {
        return options;
    }

    /**
     * Solves a problem with a fresh workspace.
     *
     * @param problem the problem
     * @return the equilibrium and diagnostics
     */
    public MfgSolution solve(MfgProblem problem) {
        return solve(problem, MfgWorkspace.forProblem(problem, options));
    }

    /**
     * Solves a problem reusing a workspace (modified; its previous contents do not matter).
     *
     * @param problem   the problem
     * @param workspace scratch memory sized for the problem's grid and these options' Anderson depth
     * @return the equilibrium and diagnostics
     */
    public MfgSolution solve(MfgProblem problem, MfgWorkspace workspace) {
        if (problem == null || workspace == null) {
            throw new InvalidParameterException("problem", "problem and workspace must not be null");
        }
        if (!workspace.fits(problem, options)) {
            throw new InvalidParameterException("workspace",
                    "workspace is sized for " + workspace.timeSteps + " time steps, "
                    + workspace.nodes + " nodes and Anderson depth " + workspace.depth + ", but the problem needs "
                    + problem.timeSteps() + " time steps, " + problem.inventoryNodes()
                    + " nodes and depth " + options.andersonDepth());
        }
        MfgWorkspace ws = workspace;
        initialiseGrid(problem, ws);
        if (options.closedFormStart()) {
            MeanInventoryOde ode = MeanInventoryOde.of(problem);
            double dt = problem.dt();
            for (int k = 0; k < ws.timeSteps; k++) {
                // The step's average speed, so that the start moves the mean exactly as the ODE does.
                ws.mu[k] = (ode.meanInventory((k + 1) * dt) - ode.meanInventory(k * dt)) / dt;
            }
        } else {
            java.util.Arrays.fill(ws.mu, 0.0);
        }
        int n = ws.timeSteps;
        ws.mixer.reset();
        int iterations = 0;
        double relativeResidual = Double.NaN;
        SolverStatus status = SolverStatus.MAX_ITERATIONS;
        SweepStats stats = new SweepStats();
        for (int k = 1; k <= options.maxOuterIterations(); k++) {
            iterations = k;
            backward(problem, ws, ws.mu);
            forward(problem, ws, ws.swept, null, 0, stats);
            double resNorm = 0;
            double scale = 0;
            boolean finite = true;
            for (int i = 0; i < n; i++) {
                double f = ws.swept[i] - ws.mu[i];
                ws.residual[i] = f;
                resNorm = Math.max(resNorm, Math.abs(f));
                scale = Math.max(scale, Math.max(Math.abs(ws.swept[i]), Math.abs(ws.mu[i])));
                finite &= Double.isFinite(f);
            }
            if (!finite || !Double.isFinite(scale)) {
                status = SolverStatus.ILL_CONDITIONED;
                break;
            }
            relativeResidual = scale == 0 ? 0 : resNorm / scale;
            if (relativeResidual <= options.tolerance()) {
                status = SolverStatus.CONVERGED;
                break;
            }
            if (k == options.maxOuterIterations()) {
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                // Cooperative cancellation, once per outer iteration: the result is this sweep.
                status = SolverStatus.CANCELLED;
                break;
            }
            ws.mixer.step(ws.mu, ws.swept, ws.residual, options.andersonDepth(), options.damping());
        }
        if (status == SolverStatus.ILL_CONDITIONED) {
            return assemble(problem, ws, null, null, new MfgDiagnostics(status, iterations, Double.NaN,
                    stats.massError, stats.minDensity, stats.boundaryMass));
        }
        double[] snapshotTimes = new double[0];
        double[][] snapshots = new double[0][];
        if (options.snapshotStride() > 0) {
            int count = n / options.snapshotStride() + 1;
            snapshotTimes = new double[count];
            snapshots = new double[count][];
            // The rates of the last sweep are still in the workspace: replaying the forward pass
            // reproduces that sweep exactly while recording the density.
            forward(problem, ws, ws.swept, snapshots, options.snapshotStride(), stats);
            for (int s = 0; s < count; s++) {
                snapshotTimes[s] = s * options.snapshotStride() * problem.dt();
            }
        }
        return assemble(problem, ws, snapshotTimes, snapshots, new MfgDiagnostics(status, iterations,
                relativeResidual, stats.massError, stats.minDensity, stats.boundaryMass));
    }

    private static void initialiseGrid(MfgProblem p, MfgWorkspace ws) {
        int m = ws.nodes;
        double sum = 0;
        double inv2var = 1 / (2 * p.initialStd() * p.initialStd());
        for (int i = 0; i < m; i++) {
            double q = p.inventoryAt(i);
            ws.q[i] = q;
            double z = q - p.initialMean();
            ws.m0[i] = Math.exp(-z * z * inv2var);
            sum += ws.m0[i];
        }
        if (!(sum > 0)) {
            throw new InvalidParameterException("initialStd",
                    "initialStd = " + p.initialStd() + " is too small for the inventory"
                    + " step dq = " + p.dq() + ": no grid node carries initial mass; refine the grid");
        }
        for (int i = 0; i < m; i++) {
            ws.m0[i] /= sum;
        }
    }

    /** Backward HJB sweep: fills the jump rates of every step for the given crowd speed. */
    private static void backward(MfgProblem p, MfgWorkspace ws, double[] mu) {
        final int m = ws.nodes;
        final double dt = p.dt();
        final double dq = p.dq();
        final double invDq = 1 / dq;
        final double inv2k = 1 / (2 * p.kappa());
        final double kappaDq2 = p.kappa() * dq * dq;
        final double phi = p.phi();
        final double alpha = p.alpha();
        final boolean upwind = p.scheme() == DifferenceScheme.UPWIND;
        final double[] q = ws.q;
        final double[] up = ws.upRate;
        final double[] down = ws.downRate;
        final double[] cP = ws.cPrime;
        final double[] dP = ws.dPrime;
        double[] hNext = ws.hNext;
        double[] h = ws.h;
        for (int i = 0; i < m; i++) {
            hNext[i] = -p.terminalPenalty() * q[i] * q[i];
        }
        for (int n = ws.timeSteps - 1; n >= 0; n--) {
            final int base = n * m;
            if (upwind) {
                for (int i = 0; i < m; i++) {
                    double nuUp = i < m - 1 ? Math.max(hNext[i + 1] - hNext[i], 0) * invDq * inv2k : 0;
                    double nuDown = i > 0 ? Math.min(hNext[i] - hNext[i - 1], 0) * invDq * inv2k : 0;
                    up[base + i] = nuUp * invDq;
                    down[base + i] = -nuDown * invDq;
                }
            } else {
                double maxNu = 0;
                for (int i = 1; i < m - 1; i++) {
                    double nu = (hNext[i + 1] - hNext[i - 1]) * (0.5 * invDq) * inv2k;
                    up[base + i] = nu;
                    maxNu = Math.max(maxNu, Math.abs(nu));
                }
                double diffusionRate = 0.5 * maxNu * invDq;
                for (int i = 1; i < m - 1; i++) {
                    double drift = up[base + i] * 0.5 * invDq;
                    up[base + i] = drift + diffusionRate;
                    down[base + i] = diffusionRate - drift;
                }
                up[base] = Math.max(hNext[1] - hNext[0], 0) * invDq * inv2k * invDq;
                down[base] = 0;
                up[base + m - 1] = 0;
                down[base + m - 1] = -Math.min(hNext[m - 1] - hNext[m - 2], 0) * invDq * inv2k * invDq;
            }
            final double crowd = alpha * mu[n];
            // Thomas elimination with one reciprocal per row; the previous row's coefficients stay in
            // registers.
            double prevC = 0;
            double prevD = 0;
            for (int i = 0; i < m; i++) {
                double a = up[base + i];
                double b = down[base + i];
                double cost = upwind ? kappaDq2 * (a * a + b * b) : kappaDq2 * (a - b) * (a - b);
                double qi = q[i];
                double rhs = hNext[i] + dt * (crowd * qi - cost - phi * qi * qi);
                double lower = -dt * b;
                double inv = 1 / (1 + dt * (a + b) - lower * prevC);
                prevC = -dt * a * inv;
                prevD = (rhs - lower * prevD) * inv;
                cP[i] = prevC;
                dP[i] = prevD;
            }
            h[m - 1] = dP[m - 1];
            for (int i = m - 2; i >= 0; i--) {
                h[i] = dP[i] - cP[i] * h[i + 1];
            }
            double[] t = hNext;
            hNext = h;
            h = t;
        }
    }

    /** Forward Fokker-Planck sweep with the adjoint of the rates from the last backward sweep. */
    private static void forward(MfgProblem p, MfgWorkspace ws, double[] speedOut, double[][] snapshots,
            int stride, SweepStats stats) {
        final int m = ws.nodes;
        final double dt = p.dt();
        final double dq = p.dq();
        final double[] q = ws.q;
        final double[] up = ws.upRate;
        final double[] down = ws.downRate;
        final double[] cP = ws.cPrime;
        final double[] dP = ws.dPrime;
        double[] dens = ws.density;
        double[] next = ws.densityNext;
        System.arraycopy(ws.m0, 0, dens, 0, m);
        double mean = 0;
        double mass = 0;
        double minDensity = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            mean += q[i] * dens[i];
            mass += dens[i];
            minDensity = Math.min(minDensity, dens[i]);
        }
        ws.meanInventory[0] = mean;
        double massError = Math.abs(mass - 1);
        double boundaryMass = dens[0] + dens[m - 1];
        if (snapshots != null) {
            snapshots[0] = dens.clone();
        }
        for (int n = 0; n < ws.timeSteps; n++) {
            final int base = n * m;
            // Row i of the transpose: (i, i-1) = -dt a_{i-1}, (i, i) = 1 + dt (a_i + b_i),
            // (i, i+1) = -dt b_{i+1}; the edge rates that would point outside are zero.
            double prevC = 0;
            double prevD = 0;
            double upLeft = 0;
            for (int i = 0; i < m; i++) {
                double a = up[base + i];
                double lower = -dt * upLeft;
                double upper = i < m - 1 ? -dt * down[base + i + 1] : 0;
                double inv = 1 / (1 + dt * (a + down[base + i]) - lower * prevC);
                prevC = upper * inv;
                prevD = (dens[i] - lower * prevD) * inv;
                cP[i] = prevC;
                dP[i] = prevD;
                upLeft = a;
            }
            // Back substitution fused with the moments of the new weights.
            double w = dP[m - 1];
            next[m - 1] = w;
            mean = q[m - 1] * w;
            mass = w;
            double speed = (up[base + m - 1] - down[base + m - 1]) * w;
            minDensity = Math.min(minDensity, w);
            for (int i = m - 2; i >= 0; i--) {
                w = dP[i] - cP[i] * w;
                next[i] = w;
                mean += q[i] * w;
                mass += w;
                speed += (up[base + i] - down[base + i]) * w;
                minDensity = Math.min(minDensity, w);
            }
            speedOut[n] = speed * dq;
            ws.meanInventory[n + 1] = mean;
            massError = Math.max(massError, Math.abs(mass - 1));
            boundaryMass = Math.max(boundaryMass, next[0] + next[m - 1]);
            if (stride > 0 && (n + 1) % stride == 0) {
                snapshots[(n + 1) / stride] = next.clone();
            }
            double[] t = dens;
            dens = next;
            next = t;
        }
        stats.massError = massError;
        stats.minDensity = minDensity;
        stats.boundaryMass = boundaryMass;
    }

    private static MfgSolution assemble(MfgProblem p, MfgWorkspace ws, double[] snapshotTimes, double[][] snapshots,
            MfgDiagnostics diagnostics) {
        int n = ws.timeSteps;
        int m = ws.nodes;
        double[] times = new double[n + 1];
        double[] price = new double[n + 1];
        double e0 = ws.meanInventory[0];
        for (int k = 0; k <= n; k++) {
            times[k] = k * p.dt();
            price[k] = p.initialPrice() + p.alpha() * (ws.meanInventory[k] - e0);
        }
        double[] speeds = new double[n * m];
        double dq = p.dq();
        for (int k = 0; k < n * m; k++) {
            speeds[k] = (ws.upRate[k] - ws.downRate[k]) * dq;
        }
        FeedbackControl control = new FeedbackControl(speeds, n, m, p.inventoryMin(), dq, p.dt());
        return new MfgSolution(p, times, ws.meanInventory, ws.swept, price, ws.q,
                snapshotTimes == null ? new double[0] : snapshotTimes,
                snapshots == null ? new double[0][] : snapshots, control, diagnostics);
    }

    /** Statistics of the last forward sweep. */
    private static final class SweepStats {
        double massError;
        double minDensity;
        double boundaryMass;
    }
}
