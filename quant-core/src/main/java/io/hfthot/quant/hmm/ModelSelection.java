package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Chooses the number of states by an information criterion: fits {@code K = minStates..maxStates} with the same
 * options (each with its own restarts) and picks the usable fit with the lowest criterion.
 *
 * @param fits   the fit for each number of states, in increasing {@code K}
 * @param chosen the index in {@code fits} of the chosen fit, or -1 when no fit is usable
 */
public record ModelSelection(List<FitResult> fits, int chosen) {
    /** The criterion to minimise. */
    public enum Criterion {
        /** {@link FitResult#aic()}. */
        AIC,
        /** {@link FitResult#bic()}. */
        BIC;

        double of(FitResult fit) {
            return this == AIC ? fit.aic() : fit.bic();
        }
    }

    /** Copies the list. */
    public ModelSelection {
        fits = Collections.unmodifiableList(new ArrayList<>(fits));
        if (chosen < -1 || chosen >= fits.size()) {
            throw new InvalidParameterException("chosen", "chosen must be -1 or an index of fits, got " + chosen);
        }
    }

    /**
     * Fits every number of states in a range and chooses one.
     *
     * @param x         the observations
     * @param options   the fit options ({@link FitOptions#states()} is replaced)
     * @param minStates the smallest number of states, at least 1
     * @param maxStates the largest, at least {@code minStates}
     * @param criterion the criterion
     * @return the fits and the choice; an unusable fit (degenerate, cancelled, not converged) is never chosen
     * @throws IllegalArgumentException on an empty range, or as {@link BaumWelch#fit(Observations, FitOptions)}
     */
    public static ModelSelection select(Observations x, FitOptions options, int minStates, int maxStates,
                                        Criterion criterion) {
        if (minStates < 1 || maxStates < minStates || maxStates > FitOptions.MAX_STATES) {
            throw new InvalidParameterException("minStates",
                    "need 1 <= minStates <= maxStates <= " + FitOptions.MAX_STATES
                    + ", got " + minStates + " and " + maxStates);
        }
        if (criterion == null) {
            throw new InvalidParameterException("criterion", "criterion must be AIC or BIC, got null");
        }
        List<FitResult> fits = new ArrayList<>();
        int chosen = -1;
        for (int k = minStates; k <= maxStates; k++) {
            FitResult fit = BaumWelch.fit(x, options.withStates(k));
            fits.add(fit);
            if (fit.isUsable() && (chosen < 0 || criterion.of(fit) < criterion.of(fits.get(chosen)))) {
                chosen = fits.size() - 1;
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return new ModelSelection(fits, chosen);
    }

    /**
     * The chosen fit.
     *
     * @return the fit with the lowest criterion among the usable ones
     * @throws IllegalStateException when no fit is usable
     */
    public FitResult best() {
        if (chosen < 0) {
            throw new IllegalStateException("no fit in the range is usable: " + fits.stream()
                    .map(f -> f.model().states() + " states: " + f.status()).toList());
        }
        return fits.get(chosen);
    }
}
