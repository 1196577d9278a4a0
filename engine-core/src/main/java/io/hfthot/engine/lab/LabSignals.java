package io.hfthot.engine.lab;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.lab.api.MfgPriceResponse;
import io.hfthot.engine.lab.api.RegimeResponse;
import io.hfthot.engine.lab.quant.MfgSignals;
import io.hfthot.engine.market.MarketDataSource;
import io.hfthot.engine.market.lakehouse.LakehouseMarketData;
import io.hfthot.engine.regime.RegimeService;
import io.hfthot.quant.regime.RegimeSignal;
import java.util.Map;

/**
 * Seed 000's signal operations: the HMM regime of a symbol and the MFG price signal. Part of {@link LabService},
 * which builds it over the engine's shared regime service.
 *
 * <p>Thread-safe; every operation validates its input and throws {@link EngineException}.
 */
public final class LabSignals {
    /** Default {@code horizon_min} of the MFG signal. */
    public static final int DEFAULT_HORIZON_MIN = 5;

    /** Default {@code n_agents} of the MFG signal. */
    public static final int DEFAULT_AGENTS = 1000;

    /**
     * Largest {@code n_agents} served. The finite-crowd check costs agents x time steps and the time steps grow
     * with the horizon: with {@link #MAX_HORIZON_MIN} this bounds one signal to well under 2 s of CPU (measured
     * 60 min x 5000 agents: 0.45 s warm, 1.3 s cold; 1440 min x 100000 agents took 91 s before these bounds).
     */
    public static final int MAX_AGENTS = 5_000;

    /** Largest {@code horizon_min} served (one hour; see {@link #MAX_AGENTS} for the cost). */
    public static final int MAX_HORIZON_MIN = 60;

    /** One-minute returns behind the MFG signal's volatility estimate. */
    public static final int VOLATILITY_BARS = 120;

    private final Engine engine;
    private final MarketDataSource market;
    private final LakehouseMarketData marketData;
    private final RegimeService regimes;
    private final MfgSignals mfg = new MfgSignals();
    private final LabSymbols symbols;

    LabSignals(Engine engine, LabSymbols symbols) {
        this.engine = engine;
        this.market = engine.market();
        this.marketData = engine.marketHistory();
        this.regimes = engine.regimes();
        this.symbols = symbols;
    }

    /**
     * {@code GET /v1/signals/regime}: the symbol's regime at its last closed 1m bar from the cached HMM,
     * with the measured engine latency in microseconds.
     *
     * @param symbol   the symbol
     * @param lookback bars of inference ({@value RegimeService#MIN_LOOKBACK}..{@value RegimeService#MAX_LOOKBACK}),
     *                 or null for 200
     * @return the regime, confidence, strategy and probabilities
     * @throws EngineException INVALID_PARAMS (symbol, lookback)
     */
    public RegimeResponse regime(String symbol, Integer lookback) {
        long t0 = System.nanoTime();
        String s = symbols.require(symbol);
        int lb = lookback == null ? RegimeService.DEFAULT_LOOKBACK : lookback;
        if (lb < RegimeService.MIN_LOOKBACK || lb > RegimeService.MAX_LOOKBACK) {
            throw EngineException.invalid("lookback", "lookback must be in [" + RegimeService.MIN_LOOKBACK + ", "
                    + RegimeService.MAX_LOOKBACK + "], got " + lb);
        }
        engine.syncRegime(s);
        RegimeSignal signal = regimes.signal(s, lb);
        Map<String, Double> probs = RegimeService.orderedProbabilities(signal);
        long latencyUs = (System.nanoTime() - t0) / 1000L;
        return new RegimeResponse(s, signal.regime().wireName(), signal.confidence(), signal.strategy(), probs,
                latencyUs);
    }

    /**
     * The MFG price signal of a symbol: the equilibrium price trajectory of a crowd unwinding over
     * {@code horizon_min}, calibrated with the symbol's last price and one-minute volatility (last
     * {@value #VOLATILITY_BARS} bars).
     *
     * @param symbol     the symbol
     * @param horizonMin horizon in minutes (1..{@value #MAX_HORIZON_MIN}), or null for 5
     * @param nAgents    agents of the finite-crowd check (2..{@value #MAX_AGENTS}), or null for 1000
     * @return trajectory and diagnostics
     * @throws EngineException INVALID_PARAMS (symbol, horizon_min, n_agents)
     */
    public MfgPriceResponse mfgPrice(String symbol, Integer horizonMin, Integer nAgents) {
        long t0 = System.nanoTime();
        String s = symbols.require(symbol);
        int horizon = horizonMin == null ? DEFAULT_HORIZON_MIN : horizonMin;
        if (horizon < 1 || horizon > MAX_HORIZON_MIN) {
            throw EngineException.invalid("horizon_min", "horizon_min must be in [1, " + MAX_HORIZON_MIN + "], got "
                    + horizon);
        }
        int agents = nAgents == null ? DEFAULT_AGENTS : nAgents;
        if (agents < 2 || agents > MAX_AGENTS) {
            throw EngineException.invalid("n_agents", "n_agents must be in [2, " + MAX_AGENTS + "], got " + agents);
        }
        engine.syncRegime(s);
        double price = engine.isLive(s) ? market.ticker(s).mid()
                : marketData.imported().lastBar(s).orElseThrow().close();
        double vol = regimes.volatility(s, VOLATILITY_BARS);
        MfgSignals.Signal signal = mfg.solve(horizon, agents, price, vol);
        long latencyUs = (System.nanoTime() - t0) / 1000L;
        return new MfgPriceResponse(s, horizon, agents, price, signal.target(), signal.trajectory(),
                signal.diagnostics(), latencyUs);
    }
}
