package io.hfthot.engine.lab;

import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.api.BacktestRequest;
import io.hfthot.engine.lab.api.BacktestResponse;
import io.hfthot.engine.lab.api.MfgPriceResponse;
import io.hfthot.engine.lab.api.OptimizeRequest;
import io.hfthot.engine.lab.api.OptimizeResponse;
import io.hfthot.engine.lab.api.RegimeResponse;
import io.hfthot.engine.market.Interval;
import io.hfthot.quant.regime.RegimeSignal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabSignalsTest {
    private static final List<String> ALL = List.of("BTC-USDT", "ETH-USDT", "SOL-USDT");

    @TempDir
    static Path dir;

    private TestClock clock;
    private LabService engine;
    private final Principal pro = LabFixtures.caller(Tier.PROFESSIONAL);

    @BeforeAll
    void start() {
        clock = new TestClock(LabFixtures.START);
        engine = LabService.startInMemoryIdentity(LabConfig.forTests(dir, LabFixtures.SEED), clock, null);
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @Test
    void regimeAnswersFromTheFittedModelOverTheLastBars() {
        RegimeResponse r = engine.regime("BTC-USDT", null);
        assertEquals("BTC-USDT", r.symbol());
        assertEquals(List.of("trending", "mean_reverting", "volatile"), List.copyOf(r.stateProbs().keySet()));
        double sum = r.stateProbs().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 1e-9);
        assertEquals(r.confidence(), r.stateProbs().get(r.regime()), 0.0);
        assertTrue(r.stateProbs().values().stream().allMatch(p -> p <= r.confidence()), "regime is the argmax");
        assertTrue(r.latencyUs() >= 0);

        // Independent recomputation from the lakehouse bars with the same model.
        long now = clock.millis();
        double[] closes = engine.engine().marketHistory().bars("BTC-USDT", Interval.ONE_MINUTE, Long.MIN_VALUE, now, 211).stream()
                .mapToDouble(b -> b.close()).toArray();
        RegimeSignal expected = engine.engine().regimes().model("BTC-USDT").signal(closes);
        assertEquals(expected.regime().wireName(), r.regime());
        assertEquals(expected.confidence(), r.confidence(), 1e-12);

        RegimeResponse longer = engine.regime("BTC-USDT", 600);
        assertEquals(1.0, longer.stateProbs().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertInvalid("lookback", () -> engine.regime("BTC-USDT", 9));
        assertInvalid("lookback", () -> engine.regime("BTC-USDT", 5001));
        assertInvalid("symbol", () -> engine.regime("XRP-USDT", null));
    }

    @Test
    void mfgPriceStartsAtTheCurrentMidAndConvergesWithDiagnostics() {
        MfgPriceResponse r = engine.mfgPrice("ETH-USDT", null, null);
        assertEquals(5, r.horizonMin());
        assertEquals(1000, r.nAgents());
        assertEquals(engine.ticker("ETH-USDT").bid() / 2 + engine.ticker("ETH-USDT").ask() / 2, r.currentPrice(), 1e-9);
        assertEquals(r.currentPrice(), r.trajectory().get(0).price(), 1e-9);
        assertEquals(5.0, r.trajectory().get(r.trajectory().size() - 1).tMin(), 1e-9);
        assertEquals(r.targetPrice(), r.trajectory().get(r.trajectory().size() - 1).price(), 0.0);
        assertEquals("CONVERGED", r.diagnostics().status());
        assertTrue(r.diagnostics().odeRelativeError() < 1e-3, "matches the closed-form mean ODE");
        assertTrue(r.diagnostics().massError() < 1e-9);
        // A net-long crowd unwinds: the mean inventory falls and, with permanent impact, so does the price.
        assertTrue(r.trajectory().get(r.trajectory().size() - 1).meanInventory() < r.trajectory().get(0).meanInventory());
        assertTrue(r.targetPrice() < r.currentPrice());
        assertInvalid("horizon_min", () -> engine.mfgPrice("ETH-USDT", 0, null));
        assertInvalid("n_agents", () -> engine.mfgPrice("ETH-USDT", 5, 1));
        assertInvalid("n_agents", () -> engine.mfgPrice("ETH-USDT", 5, LabSignals.MAX_AGENTS + 1));
    }

    @Test
    void riskParityFromLakehouseHistoryGivesFullyInvestedEqualRiskWeights() {
        OptimizeResponse r = engine.optimize(pro, new OptimizeRequest("risk_parity", ALL, 30, null, null, null, null));
        assertEquals("risk_parity", r.method());
        assertEquals(ALL, List.copyOf(r.weights().keySet()));
        assertEquals(1.0, r.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertTrue(r.weights().values().stream().allMatch(w -> w > 0));
        assertEquals("CONVERGED", r.status());
        assertEquals("lakehouse", r.diagnostics().inputs());
        assertEquals(30, r.diagnostics().observations());
        for (double rc : r.diagnostics().riskContributions().values()) {
            assertEquals(1.0 / 3, rc, 1e-6, "equal risk contributions");
        }
    }

    @Test
    void explicitInputsNeedNoHistoryAndMatchTheClosedForm() {
        // Diagonal covariance: risk parity weights are proportional to 1 / sigma_i.
        List<List<Double>> cov = List.of(List.of(0.04, 0.0), List.of(0.0, 0.16));
        OptimizeResponse r = engine.optimize(LabFixtures.caller(Tier.FREE_BETA),
                new OptimizeRequest("risk_parity", List.of("A", "B"), 3000, null, null, null, cov));
        assertEquals(2.0 / 3, r.weights().get("A"), 1e-8);
        assertEquals(1.0 / 3, r.weights().get("B"), 1e-8);
        assertEquals("explicit", r.diagnostics().inputs());

        OptimizeResponse cara = engine.optimize(pro, new OptimizeRequest("cara", List.of("A", "B"), null, 2.0, null,
                List.of(0.10, 0.10), cov));
        assertEquals(1.0, cara.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-8);
        assertTrue(cara.weights().get("A") > cara.weights().get("B"), "same return, lower risk gets more");
    }

    @Test
    void badPortfolioInputsNameTheirParameter() {
        assertInvalid("method", () -> engine.optimize(pro, new OptimizeRequest("markowitz", ALL, null, null, null, null, null)));
        assertInvalid("symbols", () -> engine.optimize(pro, new OptimizeRequest("cara", List.of(), null, null, null, null, null)));
        assertInvalid("symbols", () -> engine.optimize(pro, new OptimizeRequest("cara", List.of("BTC-USDT", "BTC-USDT"), null, null, null, null, null)));
        assertInvalid("symbols", () -> engine.optimize(pro, new OptimizeRequest("cara", List.of("DOGE-USDT"), null, null, null, null, null)));
        assertInvalid("lookback_days", () -> engine.optimize(pro, new OptimizeRequest("cara", ALL, 4, null, null, null, null)));
        assertInvalid("gamma", () -> engine.optimize(pro, new OptimizeRequest("cara", ALL, null, -1.0, null, null, null)));
        assertInvalid("rho", () -> engine.optimize(pro, new OptimizeRequest("sparse_l1", ALL, null, null, Double.NaN, null, null)));
        assertInvalid("covariance", () -> engine.optimize(pro, new OptimizeRequest("cara", List.of("A", "B"), null, null, null,
                null, List.of(List.of(1.0, 0.5), List.of(0.4, 1.0)))));
        assertInvalid("covariance", () -> engine.optimize(pro, new OptimizeRequest("cara", List.of("A", "B"), null, null, null,
                List.of(0.1, 0.1), null)));
        assertInvalid("expected_returns", () -> engine.optimize(pro, new OptimizeRequest("cara", List.of("A", "B"), null, null,
                null, List.of(0.1), List.of(List.of(1.0, 0.0), List.of(0.0, 1.0)))));
        EngineException depth = assertThrows(EngineException.class, () -> engine.optimize(LabFixtures.caller(Tier.FREE_BETA),
                new OptimizeRequest("cara", ALL, 60, null, null, null, null)));
        assertEquals(ErrorCode.TIER_REQUIRED, depth.code());
        assertEquals("lookback_days", depth.parameter().orElseThrow());
    }

    @Test
    void backtestOverLakehouseDailyBarsReportsACurveStartingAtOne() {
        BacktestResponse r = engine.backtest(LabFixtures.caller(Tier.HOBBYIST),
                new BacktestRequest("risk_parity", ALL, null, null, 30, 7, 10.0, null, null));
        assertEquals(1.0, r.equityCurve().get(0).equity(), 0.0);
        // The default year is shortened to the Hobbyist tier's year of history minus the 31-day estimation window.
        assertTrue(r.equityCurve().size() >= 330, "about a year of days: " + r.equityCurve().size());
        for (int i = 1; i < r.equityCurve().size(); i++) {
            assertEquals(86_400_000L, r.equityCurve().get(i).time() - r.equityCurve().get(i - 1).time());
        }
        double last = r.equityCurve().get(r.equityCurve().size() - 1).equity();
        assertEquals(last - 1, r.metrics().totalReturn(), 1e-12);
        assertTrue(r.rebalances() >= 47, "weekly rebalances: " + r.rebalances());
        assertTrue(r.metrics().maxDrawdown() >= 0 && r.metrics().maxDrawdown() < 1);
        assertTrue(r.metrics().costs() > 0);
        assertInvalid("rebalance_days", () -> engine.backtest(pro, new BacktestRequest("cara", ALL, null, null, 30, 0, null, null, null)));
        long now = clock.millis();
        assertInvalid("end_time", () -> engine.backtest(pro, new BacktestRequest("cara", ALL, now - 10, now - 20, 30, 7, null, null, null)));
        EngineException depth = assertThrows(EngineException.class, () -> engine.backtest(LabFixtures.caller(Tier.FREE_BETA),
                new BacktestRequest("cara", ALL, null, null, null, null, null, null, null)));
        assertEquals(ErrorCode.TIER_REQUIRED, depth.code());
        assertEquals("lookback_days", depth.parameter().orElseThrow());
    }

    private static void assertInvalid(String parameter, Runnable call) {
        EngineException e = assertThrows(EngineException.class, call::run);
        assertEquals(ErrorCode.INVALID_PARAMS, e.code(), e.getMessage());
        assertEquals(parameter, e.parameter().orElseThrow(), e.getMessage());
    }
}
