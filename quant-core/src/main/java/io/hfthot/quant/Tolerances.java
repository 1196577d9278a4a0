package io.hfthot.quant;

/**
 * The numerical tolerances of quant-core, in one place. Tests state which one they check against.
 */
public final class Tolerances {
    /** Absolute tolerance on exact invariants (probabilities summing to 1, mass conservation, budgets). */
    public static final double INVARIANT_ABSOLUTE = 1e-10;
    /** Relative tolerance against a closed form or an independent reference implementation. */
    public static final double REFERENCE_RELATIVE = 1e-8;
    /** Relative tolerance on the symmetry of a covariance matrix given by a user. */
    public static final double SYMMETRY_RELATIVE = 1e-9;

    private Tolerances() {
    }
}
