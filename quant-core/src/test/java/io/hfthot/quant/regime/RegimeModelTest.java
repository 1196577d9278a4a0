package io.hfthot.quant.regime;

import static io.hfthot.quant.hmm.Messages.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.hmm.HmmWorkspace;
import io.hfthot.quant.hmm.Observations;
import io.hfthot.quant.hmm.Posteriors;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Fitting regimes to simulated prices whose true regimes are known. */
class RegimeModelTest {
    static final RegimeSimulator.Path PATH = RegimeSimulator.defaults().simulate(2500, 2L);
    static final RegimeFit FIT = RegimeModel.fit(PATH.closes(), RegimeFeatures.defaults(), FitOptions.defaults());

    /**
     * On 2500 simulated bars the Viterbi regimes agree with the true ones on at least 75% of bars (about 83% is
     * typical; the 10-bar efficiency window lags each switch by several bars, which bounds the attainable rate).
     */
    @Test
    void recoversSimulatedRegimesAndMapsStatesByTheDocumentedRule() {
        assertEquals(SolverStatus.CONVERGED, FIT.fit().status(), FIT.fit().reason());
        RegimeModel model = FIT.model();
        Regime[] viterbi = model.viterbiRegimes(PATH.closes());
        Regime[] truth = PATH.regimes();
        int warmup = model.features().warmup();
        assertEquals(truth.length - warmup, viterbi.length);
        int agree = 0;
        for (int t = 0; t < viterbi.length; t++) {
            agree += viterbi[t] == truth[t + warmup] ? 1 : 0;
        }
        assertTrue(agree >= 0.75 * viterbi.length, "agreement " + agree + " of " + viterbi.length);
        // The simulator's volatile regime has 4x the return volatility and trends have the highest efficiency.
        int trending = Arrays.asList(model.mapping().regimeOfState()).indexOf(Regime.TRENDING);
        int reverting = Arrays.asList(model.mapping().regimeOfState()).indexOf(Regime.MEAN_REVERTING);
        assertTrue(model.hmm().mean(trending, RegimeFeatures.EFFICIENCY)
                > model.hmm().mean(reverting, RegimeFeatures.EFFICIENCY));
    }

    @Test
    void theSignalIsTheAggregatedFilteredPosteriorOfTheLastBar() {
        RegimeModel model = FIT.model();
        double[] closes = Arrays.copyOfRange(PATH.closes(), 1000, 1210);
        RegimeSignal signal = model.signal(closes);
        Observations x = model.features().fromCloses(closes);
        Posteriors p = model.hmm().posteriors(x);
        int last = x.length() - 1;
        double[] regimes = new double[3];
        for (int s = 0; s < model.hmm().states(); s++) {
            regimes[model.mapping().regime(s).ordinal()] += p.smoothed(last, s);
        }
        for (Regime r : Regime.values()) {
            assertEquals(regimes[r.ordinal()], signal.probability(r), 1e-12);
            assertTrue(signal.confidence() >= signal.probability(r));
        }
        assertEquals(signal.regime().recommendedStrategy(), signal.strategy());
        HmmWorkspace ws = new HmmWorkspace();
        model.signal(PATH.closes(), ws);
        assertEquals(signal, model.signal(closes, ws));
    }

    @Test
    void badRegimeInputsAreRejected() {
        assertRejected(() -> RegimeModel.fit(PATH.closes(), RegimeFeatures.defaults(),
                FitOptions.defaults().withStates(2)), "at least 3 states", "got 2");
        double[] closes = PATH.closes();
        closes[17] = Double.NaN;
        assertRejected(() -> RegimeModel.fit(closes, RegimeFeatures.defaults(), FitOptions.defaults()), "closes[17]");
        assertRejected(() -> FIT.model().signal(new double[] {1, 2, 3}), "more than 10");
        assertRejected(() -> RegimeModel.of(RegimeMappingTest.model(new double[][] {{0}, {1}, {2}},
                new double[][] {{1}, {1}, {1}}), RegimeFeatures.defaults()), "2 features");
    }
}
