package io.hfthot.quant.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.hmm.BaumWelch;
import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.hmm.FitResult;
import io.hfthot.quant.hmm.GaussianHmm;
import io.hfthot.quant.hmm.Observations;
import io.hfthot.quant.hmm.Posteriors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The example of {@code docs/hmm.md}, compiled and run, plus a check that the document shows exactly this code
 * so that the two cannot drift apart.
 */
class HmmDocExampleTest {
    private static final Path DOC = Path.of("..", "docs", "hmm.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "io", "hfthot", "quant", "regime",
            "HmmDocExampleTest.java");

    @Test
    void theDocumentedExampleRuns() {
        List<String> output = new ArrayList<>();
        // example:start
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
        // example:end

        assertTrue(fit.isUsable(), fit.reason());
        assertTrue(regimeFit.fit().isUsable(), regimeFit.fit().reason());
        assertTrue(output.get(0).startsWith("state "), output.get(0));
        assertEquals(signal.confidence(), signal.probability(signal.regime()));
        assertTrue(output.size() > 3, "the simulated path has regime changes");
    }

    @Test
    void theDocumentShowsExactlyTheCompiledExample() throws IOException {
        String source = Files.readString(SOURCE);
        String code = source.substring(source.indexOf("// example:start") + "// example:start".length(),
                source.indexOf("        // example:end"));
        String doc = Files.readString(DOC);
        int start = doc.indexOf("<!-- example:start -->");
        int end = doc.indexOf("<!-- example:end -->");
        assertTrue(start >= 0 && end > start, "docs/hmm.md lacks the example markers");
        String block = doc.substring(start, end);
        block = block.substring(block.indexOf("```java") + "```java".length(), block.lastIndexOf("```"));
        assertEquals(normalise(code), normalise(block), "docs/hmm.md must show the code of theDocumentedExampleRuns");
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
