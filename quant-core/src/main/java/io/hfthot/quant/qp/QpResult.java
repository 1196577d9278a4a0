package io.hfthot.quant.qp;

import io.hfthot.quant.SolverStatus;
import java.util.Objects;

/**
 * The outcome of {@link QpSolver#solve}: the point, the multipliers and the KKT residuals, all in the program's
 * own units.
 *
 * <p>Multiplier signs follow one convention: stationarity reads {@code P x + q + A' y + z = 0}, with
 * {@code y_i >= 0} only when row {@code i} is at its upper limit, {@code y_i <= 0} only at its lower limit and
 * {@code y_i = 0} when it is inactive; the same for the bound multipliers {@code z_j}.
 *
 * @param x                         the point (copied)
 * @param constraintMultipliers     {@code y}, one per general row (copied)
 * @param boundMultipliers          {@code z}, one per variable (copied)
 * @param status                    {@code CONVERGED} when every residual met the solver's tolerance after polishing;
 *                                  {@code INFEASIBLE} (the constraints admit no point), {@code UNBOUNDED},
 *                                  {@code MAX_ITERATIONS} or {@code CANCELLED} otherwise, with the last iterate
 * @param iterations                ADMM iterations
 * @param objective                 {@code (1/2) x'Px + q'x}
 * @param primalResidual            the largest violation of a row limit or a bound
 * @param stationarityResidual      {@code ||P x + q + A'y + z||_inf}
 * @param complementarityResidual   the largest {@code min(|y_i|, distance of row i to the limit y_i's sign points
 *                                  at)}, or {@code |y_i|} when that limit is infinite (multiplier sign and
 *                                  complementary slackness in one number); the same for bounds
 */
public record QpResult(double[] x, double[] constraintMultipliers, double[] boundMultipliers, SolverStatus status,
        int iterations, double objective, double primalResidual, double stationarityResidual,
        double complementarityResidual) {

    /** Takes defensive copies. */
    public QpResult {
        Objects.requireNonNull(status, "status");
        x = x.clone();
        constraintMultipliers = constraintMultipliers.clone();
        boundMultipliers = boundMultipliers.clone();
    }

    /** Returns a copy of the point. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** Returns a copy of the row multipliers. */
    @Override
    public double[] constraintMultipliers() {
        return constraintMultipliers.clone();
    }

    /** Returns a copy of the bound multipliers. */
    @Override
    public double[] boundMultipliers() {
        return boundMultipliers.clone();
    }

    /** The largest of the three residuals. */
    public double kktResidual() {
        return Math.max(primalResidual, Math.max(stationarityResidual, complementarityResidual));
    }

    double[] xRaw() {
        return x;
    }

    double[] yRaw() {
        return constraintMultipliers;
    }

    double[] zRaw() {
        return boundMultipliers;
    }
}
