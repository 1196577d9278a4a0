package io.hfthot.quant.mfg;

import io.hfthot.quant.Checks;

/**
 * The closed-form equilibrium mean inventory of the crowded-execution mean-field game.
 *
 * <p>With the value function {@code h(t,q) = h0(t) + q h1(t) - q^2 h2(t) / 2}, the optimal speed is
 * {@code nu*(t,q) = d_q h / (2 kappa) = (h1 - q h2) / (2 kappa)}; matching powers of q in the HJB
 * equation gives {@code h2' = h2^2 / (2 kappa) - 2 phi}, {@code h1' = h1 h2 / (2 kappa) - alpha mu},
 * {@code h2(T) = 2A}, {@code h1(T) = 0}. Averaging {@code nu*} over the crowd gives
 * {@code 2 kappa E' = h1 - h2 E} ({@code = 2 kappa mu}); differentiating once and substituting the
 * two Riccati equations eliminates h1 and h2:
 *
 * <pre>
 *   2 kappa E''(t) + alpha E'(t) - 2 phi E(t) = 0,   E(0) = E0,   kappa E'(T) + A E(T) = 0.
 * </pre>
 *
 * The characteristic roots are {@code r = (-alpha +- sqrt(alpha^2 + 16 kappa phi)) / (4 kappa)}; the
 * solution is written with {@code exp(r+ (t - T))} and {@code exp(r- t)} so no term overflows. Sign
 * convention: {@code E > 0} is a long crowd, {@code mu = E' < 0} is net selling, which pushes the price
 * down by {@code alpha (E(t) - E0)}.
 */
public final class MeanInventoryOde {
    private final double kappa;
    private final double alpha;
    private final double horizon;
    private final double initialMean;
    private final double rPlus;
    private final double rMinus;
    private final double coefPlus;
    private final double coefMinus;
    private final Kind kind;

    private enum Kind { EXPONENTIAL, LINEAR, CONSTANT }

    /**
     * Solves the boundary-value problem for the given model parameters.
     *
     * @param kappa           temporary impact (> 0)
     * @param alpha           permanent impact (>= 0)
     * @param phi             running penalty (>= 0)
     * @param terminalPenalty terminal penalty A (>= 0)
     * @param horizon         horizon T (> 0)
     * @param initialMean     E0
     */
    public MeanInventoryOde(double kappa, double alpha, double phi, double terminalPenalty, double horizon,
            double initialMean) {
        this.kappa = Checks.positive(kappa, "kappa");
        this.alpha = Checks.nonNegative(alpha, "alpha");
        Checks.nonNegative(phi, "phi");
        Checks.nonNegative(terminalPenalty, "terminalPenalty");
        this.horizon = Checks.positive(horizon, "horizon");
        this.initialMean = Checks.finite(initialMean, "initialMean");
        if (phi == 0 && terminalPenalty == 0) {
            // Nothing penalises holding inventory, so nobody trades and mu = 0 is the equilibrium.
            kind = Kind.CONSTANT;
            rPlus = rMinus = coefPlus = coefMinus = 0;
        } else if (phi == 0 && alpha == 0) {
            // Double root 0: E is linear, E(t) = E0 (1 - A t / (kappa + A T)).
            kind = Kind.LINEAR;
            rPlus = rMinus = 0;
            coefPlus = -initialMean * terminalPenalty / (kappa + terminalPenalty * horizon);
            coefMinus = initialMean;
        } else {
            kind = Kind.EXPONENTIAL;
            double disc = Math.sqrt(alpha * alpha + 16 * kappa * phi);
            rPlus = (-alpha + disc) / (4 * kappa);
            rMinus = (-alpha - disc) / (4 * kappa);
            // kappa r+ + A > 0 here (either phi > 0 so r+ > 0, or A > 0).
            double g = Math.exp(rMinus * horizon) * (kappa * rMinus + terminalPenalty)
                    / (kappa * rPlus + terminalPenalty);
            coefMinus = initialMean / (1 - g * Math.exp(-rPlus * horizon));
            coefPlus = -coefMinus * g;
        }
    }

    /**
     * The closed form for a problem's parameters (its grid is ignored).
     *
     * @param problem the problem
     * @return the ODE solution
     */
    public static MeanInventoryOde of(MfgProblem problem) {
        return new MeanInventoryOde(problem.kappa(), problem.alpha(), problem.phi(), problem.terminalPenalty(),
                problem.horizon(), problem.initialMean());
    }

    /**
     * The mean inventory at time t.
     *
     * @param t time in {@code [0, T]}
     * @return E(t)
     */
    public double meanInventory(double t) {
        return switch (kind) {
            case CONSTANT -> initialMean;
            case LINEAR -> coefMinus + coefPlus * t;
            case EXPONENTIAL -> coefPlus * Math.exp(rPlus * (t - horizon)) + coefMinus * Math.exp(rMinus * t);
        };
    }

    /**
     * The mean trading speed {@code mu(t) = E'(t)}.
     *
     * @param t time in {@code [0, T]}
     * @return E'(t)
     */
    public double meanTradingSpeed(double t) {
        return switch (kind) {
            case CONSTANT -> 0;
            case LINEAR -> coefPlus;
            case EXPONENTIAL -> coefPlus * rPlus * Math.exp(rPlus * (t - horizon))
                    + coefMinus * rMinus * Math.exp(rMinus * t);
        };
    }

    /**
     * The expected mid price {@code S0 + alpha (E(t) - E0)}.
     *
     * @param initialPrice S0
     * @param t            time
     * @return the price
     */
    public double price(double initialPrice, double t) {
        return initialPrice + alpha * (meanInventory(t) - initialMean);
    }

    /** The temporary impact this solution was built for. */
    public double kappa() {
        return kappa;
    }
}
