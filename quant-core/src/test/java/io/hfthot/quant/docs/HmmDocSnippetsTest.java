package io.hfthot.quant.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.hmm.BaumWelch;
import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.hmm.FitResult;
import io.hfthot.quant.hmm.GaussianHmm;
import io.hfthot.quant.hmm.Observations;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The code of {@code docs/hmm.md} outside its main example, run (see {@link DocSnippetsTest}). */
class HmmDocSnippetsTest {
    @Test
    void severalSequences() {
        GaussianHmm truth = GaussianHmm.univariate(new double[] {0.5, 0.3, 0.2},
                new double[][] {{0.95, 0.025, 0.025}, {0.025, 0.95, 0.025}, {0.025, 0.025, 0.95}},
                new double[] {0.0005, 0.0, -0.001}, new double[] {0.005 * 0.005, 0.01 * 0.01, 0.03 * 0.03});
        SplittableRandom rnd = new SplittableRandom(4);
        double[] returns2022 = truth.sample(250, rnd).observations().column(0);
        double[] returns2023 = truth.sample(250, rnd).observations().column(0);
        double[] returns2024 = truth.sample(250, rnd).observations().column(0);
        // snippet:start
        List<double[]> years = List.of(returns2022, returns2023, returns2024);   // one array per sequence
        FitResult fit = BaumWelch.fit(years, FitOptions.defaults());
        double logLikelihood = fit.logLikelihood();                          // the sum over the three years
        // Multi-feature sequences: BaumWelch.fit(Observations.sequences(List.of(a, b, c)), options)
        // snippet:end
        assertTrue(fit.isUsable(), fit.reason());
        Observations pooled = Observations.sequences(List.of(Observations.univariate(returns2022),
                Observations.univariate(returns2023), Observations.univariate(returns2024)));
        assertEquals(fit.model().logLikelihood(pooled), logLikelihood, 1e-9 * Math.abs(logLikelihood));
    }
}
