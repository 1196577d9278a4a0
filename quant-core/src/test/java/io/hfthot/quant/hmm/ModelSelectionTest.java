package io.hfthot.quant.hmm;

import static io.hfthot.quant.hmm.Messages.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** AIC and BIC against their definitions, and the choice of the number of states on a known model. */
class ModelSelectionTest {
    @Test
    void criteriaFollowTheirDefinitions() {
        Observations x = RandomModels.returnsModel().sample(1500, new SplittableRandom(3)).observations();
        FitResult fit = BaumWelch.fit(x, FitOptions.defaults());
        int p = GaussianHmm.freeParameters(3, 1);
        assertEquals(14, p);
        assertEquals(2 * p - 2 * fit.logLikelihood(), fit.aic(), 1e-9);
        assertEquals(p * Math.log(1500) - 2 * fit.logLikelihood(), fit.bic(), 1e-9);
    }

    /** Three well-separated volatility regimes (sigma 0.5%, 1%, 3%), T = 5000: the BIC picks 3 of 1..4 states. */
    @Test
    void theBicChoosesTheTrueNumberOfStates() {
        Observations x = RandomModels.returnsModel().sample(5000, new SplittableRandom(20261121L)).observations();
        ModelSelection selection = ModelSelection.select(x, FitOptions.defaults(), 1, 4,
                ModelSelection.Criterion.BIC);
        assertEquals(4, selection.fits().size());
        assertEquals(3, selection.best().model().states(), () -> selection.fits().stream()
                .map(f -> f.model().states() + ": " + f.bic() + " " + f.status()).toList().toString());
        assertRejected(() -> ModelSelection.select(x, FitOptions.defaults(), 3, 2, ModelSelection.Criterion.AIC),
                "minStates <= maxStates");
    }
}
