package io.hfthot.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.hmm.BaumWelch;
import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.hmm.FitResult;
import io.hfthot.quant.hmm.GaussianHmm;
import io.hfthot.quant.hmm.Observations;
import io.hfthot.quant.hmm.Posteriors;
import io.hfthot.quant.regime.RegimeChangeDetector;
import io.hfthot.quant.regime.RegimeFeatures;
import io.hfthot.quant.regime.RegimeFit;
import io.hfthot.quant.regime.RegimeModel;
import io.hfthot.quant.regime.RegimeSignal;
import io.hfthot.quant.regime.RegimeSimulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The example of docs/hmm.md ("Example"), copied verbatim between the markers, from the installed quant-core. */
class HmmQuickstartTest {

    @Test
    void regimeExampleRuns() {
        List<String> output = new ArrayList<>();
        // docs/hmm.md:start
        // 1. A daily return series. Here: 2,000 returns simulated from three volatility regimes; use your own.
        GaussianHmm truth = GaussianHmm.univariate(
                new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
                new double[][] {{0.95, 0.025, 0.025}, {0.025, 0.95, 0.025}, {0.025, 0.025, 0.95}},
                new double[] {0.0005, 0.0, -0.001},
                new double[] {0.005 * 0.005, 0.01 * 0.01, 0.03 * 0.03});
        double[] returns = truth.sample(2000, new SplittableRandom(1)).observations().column(0);

        // 2. Fit 3 states with 3 seeded k-means++ restarts; check the status before trusting the model.
        Observations x = Observations.univariate(returns);
        FitResult fit = BaumWelch.fit(x, FitOptions.defaults());
        if (!fit.isUsable()) {
            throw new IllegalStateException("HMM fit is degenerate: " + fit.reason());
        }
        GaussianHmm model = fit.model(); // states sorted by variance: 0 is the calmest

        // 3. The latest state and its confidence: the filtered posterior of the last observation.
        Posteriors posteriors = model.posteriors(x);
        int last = returns.length - 1;
        int state = 0;
        for (int s = 1; s < model.states(); s++) {
            if (posteriors.filtered(last, s) > posteriors.filtered(last, state)) {
                state = s;
            }
        }
        output.add(String.format("state %d, sigma %.2f%%, probability %.2f",
                state, 100 * Math.sqrt(model.variance(state, 0)), posteriors.filtered(last, state)));

        // 4. Regimes from close prices (log return + efficiency ratio): trending, mean_reverting or volatile.
        double[] closes = RegimeSimulator.defaults().simulate(3000, 7L).closes(); // synthetic; use your bars
        RegimeFit regimeFit = RegimeModel.fit(closes, RegimeFeatures.defaults(), FitOptions.defaults());
        RegimeModel regimes = regimeFit.model();
        RegimeSignal signal = regimes.signal(Arrays.copyOfRange(closes, closes.length - 210, closes.length));
        output.add(signal.regime().wireName() + " " + String.format("%.2f", signal.confidence())
                + " -> " + signal.strategy() + " " + signal.stateProbsByName());

        // 5. Streaming: an event whenever the Viterbi regime changes with confidence > 0.75.
        RegimeChangeDetector detector = new RegimeChangeDetector(regimes);
        for (int i = 0; i < closes.length; i++) {
            Instant barTime = Instant.ofEpochMilli(1706784000000L + 300_000L * i);
            detector.onBar(barTime, closes[i]).ifPresent(event -> output.add(event.from().wireName() + " -> "
                    + event.to().wireName() + " at " + event.timeMillis() + " (" + event.recommendedStrategy() + ")"));
        }
        // docs/hmm.md:end

        assertEquals(3, model.states());
        assertTrue(output.size() >= 3, "the example prints a state, a regime signal and regime changes: " + output);
        assertTrue(output.get(0).startsWith("state "), output.get(0));
        assertTrue(signal.confidence() > 0 && signal.confidence() <= 1, "confidence " + signal.confidence());
    }
}
