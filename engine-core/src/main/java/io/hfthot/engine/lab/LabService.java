package io.hfthot.engine.lab;

import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineBuilder;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.events.EventListener;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.IssuedApiKey;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.access.AccountKeys;
import io.hfthot.engine.lab.api.BacktestRequest;
import io.hfthot.engine.lab.api.BacktestResponse;
import io.hfthot.engine.lab.api.GeneratedKey;
import io.hfthot.engine.lab.api.MarketSymbolsResponse;
import io.hfthot.engine.lab.api.MfgPriceResponse;
import io.hfthot.engine.lab.api.OhlcvRequest;
import io.hfthot.engine.lab.api.OhlcvResponse;
import io.hfthot.engine.lab.api.OptimizeRequest;
import io.hfthot.engine.lab.api.OptimizeResponse;
import io.hfthot.engine.lab.api.OrderBookResponse;
import io.hfthot.engine.lab.api.ParquetExport;
import io.hfthot.engine.lab.api.RegimeResponse;
import io.hfthot.engine.lab.api.SqlResponse;
import io.hfthot.engine.lab.api.TableRead;
import io.hfthot.engine.lab.api.TableVersions;
import io.hfthot.engine.lab.api.TickerResponse;
import io.hfthot.engine.lab.api.UsageResponse;
import io.hfthot.engine.lab.compute.ComputeGate;
import io.hfthot.engine.lab.compute.ComputeLimits;
import io.hfthot.engine.history.TableHistory;
import io.hfthot.engine.keys.DemoKeys;
import io.hfthot.engine.market.lakehouse.LakehouseMarketData;
import io.hfthot.engine.market.lakehouse.MarketSymbols;
import io.hfthot.engine.lab.quant.DailyCloses;
import io.hfthot.engine.lab.quant.MfgSignals;
import io.hfthot.engine.lab.quant.PortfolioLab;
import io.hfthot.engine.regime.RegimeService;
import io.hfthot.engine.lab.sql.LabSql;
import io.hfthot.engine.lab.sql.SqlFormat;
import io.hfthot.engine.storage.StorageGuard;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.market.MarketDataSource;
import io.hfthot.engine.market.MarketRequests;
import io.hfthot.engine.market.OrderBook;
import io.hfthot.engine.market.Ticker;
import io.hfthot.engine.quota.QuotaDecision;
import io.hfthot.engine.usage.AccountUsage;
import io.hfthot.engine.usage.provider.ProviderKeys;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import io.hfthot.quant.regime.RegimeSignal;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Research Lab service of seed 000: one method per API operation, over a simulated market recorded in
 * a Delta lakehouse, with per-symbol HMM regimes, MFG price signals, portfolio optimisation, backtests, SQL,
 * lakehouse history, API keys and usage.
 *
 * <p>Transport adapters call it as "decode, one engine call, encode". Every operation validates its input
 * and throws {@link EngineException} (seed 000's error code and the offending parameter's wire name) for
 * anything it cannot serve; bad input never changes stored data. Tier gates and rate limits are the
 * adapters' job (their filter or interceptor asks {@link #access()} with the route's
 * {@link io.hfthot.engine.quota.Feature}); the historical depth of the caller's tier is enforced here, on every
 * market-data read, each of which takes the caller's {@link Principal}: a requested range that starts before the
 * tier's earliest allowed instant is {@code TIER_REQUIRED} ({@link #ohlcv}, {@link #optimize},
 * {@link #backtest}), and reads of whole tables see only the rows at or after it ({@link #sql},
 * {@link #exportParquet}, {@link #readVersion}, {@link #readAtTimestamp}: older rows do not exist for the
 * caller, whatever the SQL, version or timestamp asked for).
 *
 * <p>Live events go through the engine's bus on the topics of {@link LabTopics}; the background jobs that feed
 * them belong to the {@link Engine}.
 *
 * <p>Longer than 400 lines on purpose: it is seed 000's operation table, one method per operation with its
 * validation; the shared work lives in the engine's services ({@code market.lakehouse}, {@code regime},
 * {@code history}, {@code lab.quant}, {@code lab.sql}).
 *
 * <p>Thread safety: every operation may be called concurrently. {@link #close()} stops admitting computations
 * and closes the SQL engine (and the engine when {@code start} created it).
 */
public final class LabService implements AutoCloseable {
    /** The {@code source} value of OHLCV responses: bars come from the HFThot lakehouse. */
    public static final String SOURCE = "hfthot-lakehouse";
    /** Bars before {@code end_time} that the default {@code start_time} reaches back (seed 000). */
    public static final int DEFAULT_BARS_BACK = 1000;
    /** Default {@code lookback_days} of portfolio optimisation (seed 000). */
    public static final int DEFAULT_LOOKBACK_DAYS = 60;
    /** Accepted {@code lookback_days}: at least this many daily returns. */
    public static final int MIN_LOOKBACK_DAYS = 5;
    /** Accepted {@code lookback_days}: at most this many (ten years). */
    public static final int MAX_LOOKBACK_DAYS = 3650;
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
    /** Default backtest span in days before {@code end_time}. */
    public static final int DEFAULT_BACKTEST_DAYS = 365;
    /** Default days between backtest rebalances. */
    public static final int DEFAULT_REBALANCE_DAYS = 7;
    /** Default backtest transaction cost in basis points. */
    public static final double DEFAULT_COST_BPS = 10.0;
    /** One-minute returns behind the MFG signal's volatility estimate. */
    public static final int VOLATILITY_BARS = 120;
    /** Most symbols one optimisation accepts (an explicit 50 x 50 covariance solves in about 15 ms). */
    public static final int MAX_SYMBOLS = 50;
    /** Most symbols one backtest accepts (each rebalance solves one optimisation over them). */
    public static final int MAX_BACKTEST_SYMBOLS = 20;
    /**
     * Most rebalances one backtest runs ({@code (end_time - start_time) / rebalance_days}): ten years weekly. With
     * {@link #MAX_BACKTEST_SYMBOLS} this bounds a backtest to about a second of CPU.
     */
    public static final int MAX_REBALANCES = 520;

    private static final long DAY_MS = 86_400_000L;

    private final Engine engine;
    private final boolean ownsEngine;
    private final InstantSource clock;
    private final MarketDataSource market;
    private final EventBus bus;
    private final AccessControl access;
    private final ProviderKeys providerKeys;
    private final LakehouseMarketData marketData;
    private final RegimeService regimes;
    private final MfgSignals mfg = new MfgSignals();
    private final ComputeGate compute;
    private final PortfolioLab portfolio = new PortfolioLab();
    private final TableHistory history;
    private final LabSql sql;
    private final StorageGuard storage;
    private volatile boolean closed;

    /**
     * Serves seed 000 over an engine that the caller owns (and closes after this service).
     *
     * @param engine     the engine
     * @param compute    bounds on concurrent heavy computations (MFG, optimisation, backtests)
     * @param sqlFactory builds the SQL engine over the engine's lakehouse (e.g. DuckDB through
     *                   {@code LakehouseTableResolver}), or null for none ({@link #sql} then fails with
     *                   {@code INTERNAL_ERROR})
     */
    public LabService(Engine engine, ComputeLimits compute, Function<Lakehouse, LabSql> sqlFactory) {
        this(engine, compute, sqlFactory, false);
    }

    private LabService(Engine engine, ComputeLimits compute, Function<Lakehouse, LabSql> sqlFactory,
                       boolean ownsEngine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.ownsEngine = ownsEngine;
        this.compute = new ComputeGate(Objects.requireNonNull(compute, "compute"));
        this.clock = engine.clock();
        this.market = engine.market();
        this.bus = engine.eventBus();
        this.access = engine.access();
        this.providerKeys = engine.providerKeys();
        this.marketData = engine.marketHistory();
        this.regimes = engine.regimes();
        this.history = engine.tableHistory();
        this.storage = engine.storage();
        this.sql = sqlFactory == null ? null : sqlFactory.apply(engine.lakehouse());
    }

    /**
     * Starts an engine with lakehouse-backed identity stores and no SQL engine, and serves seed 000 over it.
     *
     * @param config the configuration
     * @param clock  the clock every component reads
     * @return the started service, which closes its engine
     */
    public static LabService start(LabConfig config, Clock clock) {
        return start(config, clock, null);
    }

    /**
     * Starts an engine with the embedded defaults ({@link Engine#builder(LabConfig)}) and serves seed 000 over it.
     *
     * @param config     the configuration
     * @param clock      the clock every component reads
     * @param sqlFactory the SQL engine factory, or null for none
     * @return the started service, which closes its engine
     */
    public static LabService start(LabConfig config, Clock clock, Function<Lakehouse, LabSql> sqlFactory) {
        return start(config, LabLimits.defaults(), clock, sqlFactory);
    }

    /**
     * Starts as {@link #start(LabConfig, Clock, Function)} with explicit abuse limits.
     *
     * @param config     the configuration
     * @param limits     key and compute limits
     * @param clock      the clock every component reads
     * @param sqlFactory the SQL engine factory, or null
     * @return the started service, which closes its engine
     */
    public static LabService start(LabConfig config, LabLimits limits, Clock clock,
                                   Function<Lakehouse, LabSql> sqlFactory) {
        return over(Engine.builder(config).clock(clock).keyLimits(limits.keys()), limits, sqlFactory);
    }

    /**
     * Starts with in-memory identity stores (keys and usage are lost at close); for tests.
     *
     * @param config     the configuration
     * @param clock      the clock
     * @param sqlFactory the SQL engine factory, or null
     * @return the started service, which closes its engine
     */
    public static LabService startInMemoryIdentity(LabConfig config, Clock clock, Function<Lakehouse, LabSql> sqlFactory) {
        return startInMemoryIdentity(config, LabLimits.defaults(), clock, sqlFactory);
    }

    /**
     * Starts with in-memory identity stores and explicit abuse limits; for tests.
     *
     * @param config     the configuration
     * @param limits     key and compute limits
     * @param clock      the clock
     * @param sqlFactory the SQL engine factory, or null
     * @return the started service, which closes its engine
     */
    public static LabService startInMemoryIdentity(LabConfig config, LabLimits limits, Clock clock,
                                                   Function<Lakehouse, LabSql> sqlFactory) {
        return over(Engine.builder(config).clock(clock).keyLimits(limits.keys()).inMemoryIdentity(), limits,
                sqlFactory);
    }

    /**
     * Builds the engine from a builder the caller configured (for example with Redis stores and a market-writer
     * lease for replicas) and serves seed 000 over it.
     *
     * @param builder    the engine builder
     * @param limits     key and compute limits
     * @param sqlFactory the SQL engine factory, or null
     * @return the started service, which closes its engine
     */
    public static LabService over(EngineBuilder builder, LabLimits limits, Function<Lakehouse, LabSql> sqlFactory) {
        Engine engine = builder.build();
        try {
            return new LabService(engine, limits.compute(), sqlFactory, true);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    // ------------------------------------------------------------------ market data

    /**
     * {@code GET /v1/market/ohlcv}: closed bars of a symbol from the lakehouse, merged with the bars the live
     * market closed since the last append. Defaults: {@code end_time} now, {@code start_time}
     * {@value #DEFAULT_BARS_BACK} bars before it (raised to the tier's earliest allowed time when not given),
     * {@code limit} 500 (max 5000; the most recent bars of the range are returned).
     *
     * @param caller  the authenticated caller (its tier bounds the history)
     * @param request the parameters
     * @return the bars with {@code source} and measured {@code latency_ms}
     * @throws EngineException INVALID_PARAMS (symbol, interval, start_time, end_time, limit) or TIER_REQUIRED
     *                      (start_time before the tier's historical depth)
     */
    public OhlcvResponse ohlcv(Principal caller, OhlcvRequest request) {
        long t0 = System.nanoTime();
        Objects.requireNonNull(caller, "caller");
        if (request == null) {
            throw EngineException.invalid("symbol", "symbol is required");
        }
        String symbol = symbol(request.symbol());
        Interval interval = interval(request.interval());
        int limit = request.limit() == null ? MarketRequests.DEFAULT_LIMIT : limit(request.limit());
        Instant nowInstant = clock.instant();
        long now = nowInstant.toEpochMilli();
        if (request.endTime() != null && request.endTime() < 0) {
            throw EngineException.invalid("end_time", "end_time must be a Unix ms timestamp >= 0, got " + request.endTime());
        }
        long end = request.endTime() == null ? now : Math.min(request.endTime(), now);
        long start;
        if (request.startTime() != null) {
            start = request.startTime();
            if (start < 0) {
                throw EngineException.invalid("start_time", "start_time must be a Unix ms timestamp >= 0, got " + start);
            }
            if (request.endTime() != null && request.endTime() < start) {
                throw EngineException.invalid("end_time", "end_time must be >= start_time (" + start + "), got "
                        + request.endTime());
            }
            requireDepth(caller, start, nowInstant, "start_time");
        } else {
            start = end - DEFAULT_BARS_BACK * interval.millis();
            long earliest = earliestAllowedMs(caller, nowInstant);
            if (end < earliest) {
                // The whole requested window lies beyond the tier's history: say so rather than answer empty.
                requireDepth(caller, end, nowInstant, "end_time");
            }
            start = Math.max(start, earliest);
        }
        List<Bar> bars = end < start ? List.of() : marketData.bars(symbol, interval, start, end, limit);
        double latencyMs = (System.nanoTime() - t0) / 1e6;
        return new OhlcvResponse(symbol, interval.label(), bars, SOURCE, latencyMs);
    }

    /**
     * The order book of a symbol.
     *
     * @param symbol the symbol
     * @param depth  levels per side (1..100), or null for 20
     * @return the book
     * @throws EngineException INVALID_PARAMS (symbol, depth)
     */
    public OrderBookResponse orderBook(String symbol, Integer depth) {
        String s = liveSymbol(symbol, "an order book");
        int d = depth == null ? MarketRequests.DEFAULT_DEPTH : MarketRequests.depth(depth);
        OrderBook book = market.orderBook(s, d);
        return new OrderBookResponse(s, d, book.bids(), book.asks(), book.tsMs());
    }

    /**
     * The ticker of a symbol (seed 000's {@code GetTicker}).
     *
     * @param symbol the symbol
     * @return bid, ask, last and time
     * @throws EngineException INVALID_PARAMS (symbol)
     */
    public TickerResponse ticker(String symbol) {
        Ticker t = market.ticker(liveSymbol(symbol, "a ticker (bid and ask)"));
        return new TickerResponse(t.symbol(), t.bid(), t.ask(), t.last(), t.tsMs());
    }

    // ------------------------------------------------------------------ signals

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
        String s = symbol(symbol);
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
        String s = symbol(symbol);
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

    // ------------------------------------------------------------------ portfolio

    /**
     * {@code POST /v1/portfolio/optimize}: weights by {@code cara}, {@code risk_parity} or {@code sparse_l1},
     * from the covariance of daily lakehouse returns over {@code lookback_days} or from an explicit
     * {@code covariance} (and {@code expected_returns}).
     *
     * @param caller  the caller (its tier bounds {@code lookback_days})
     * @param request the body
     * @return weights, status and diagnostics
     * @throws EngineException INVALID_PARAMS (method, symbols, lookback_days, gamma, rho, expected_returns,
     *                      covariance) or TIER_REQUIRED (lookback_days beyond the tier's depth)
     */
    public OptimizeResponse optimize(Principal caller, OptimizeRequest request) {
        Objects.requireNonNull(caller, "caller");
        if (request == null) {
            throw EngineException.invalid("method", "method is required");
        }
        String method = method(request.method());
        double gamma = positive(request.gamma(), io.hfthot.quant.portfolio.PortfolioProblem.DEFAULT_GAMMA, "gamma");
        double rho = nonNegative(request.rho(), io.hfthot.quant.portfolio.PortfolioProblem.DEFAULT_RHO, "rho");
        if (request.covariance() != null) {
            List<String> symbols = distinctSymbols(request.symbols(), false);
            double[][] cov = matrix(request.covariance(), symbols.size());
            double[] mu = request.expectedReturns() == null ? null : vector(request.expectedReturns(), symbols.size());
            return quant(() -> portfolio.optimizeExplicit(method, symbols, mu, cov, gamma, rho));
        }
        if (request.expectedReturns() != null) {
            throw EngineException.invalid("covariance", "covariance is required when expected_returns is given");
        }
        List<String> symbols = distinctSymbols(request.symbols(), true);
        int days = lookbackDays(request.lookbackDays());
        Instant now = clock.instant();
        long start = now.toEpochMilli() - (long) days * DAY_MS;
        requireDepth(caller, start, now, "lookback_days");
        DailyCloses closes = dailyCloses(symbols, Interval.ONE_DAY.bucketStart(start) - DAY_MS, now.toEpochMilli(),
                days + 1);
        if (closes.days() < MIN_LOOKBACK_DAYS + 1) {
            throw EngineException.invalid("lookback_days", "only " + closes.days() + " common daily closes exist for "
                    + symbols + "; at least " + (MIN_LOOKBACK_DAYS + 1) + " are needed");
        }
        return quant(() -> portfolio.optimizeFromHistory(method, closes, gamma, rho));
    }

    /**
     * A backtest of a periodically rebalanced portfolio over daily lakehouse history.
     *
     * @param caller  the caller (its tier bounds {@code start_time} and the estimation window)
     * @param request the body
     * @return the equity curve and metrics
     * @throws EngineException INVALID_PARAMS or TIER_REQUIRED (start_time)
     */
    public BacktestResponse backtest(Principal caller, BacktestRequest request) {
        Objects.requireNonNull(caller, "caller");
        if (request == null) {
            throw EngineException.invalid("method", "method is required");
        }
        String method = method(request.method());
        if (request.symbols() != null && request.symbols().size() > MAX_BACKTEST_SYMBOLS) {
            throw EngineException.invalid("symbols", "a backtest accepts at most " + MAX_BACKTEST_SYMBOLS
                    + " symbols, got " + request.symbols().size());
        }
        List<String> symbols = distinctSymbols(request.symbols(), true);
        int lookback = lookbackDays(request.lookbackDays());
        int rebalance = request.rebalanceDays() == null ? DEFAULT_REBALANCE_DAYS : request.rebalanceDays();
        if (rebalance < 1 || rebalance > 365) {
            throw EngineException.invalid("rebalance_days", "rebalance_days must be in [1, 365], got " + rebalance);
        }
        double cost = nonNegative(request.costBps(), DEFAULT_COST_BPS, "cost_bps");
        if (cost > 1000) {
            throw EngineException.invalid("cost_bps", "cost_bps must be in [0, 1000], got " + cost);
        }
        double gamma = positive(request.gamma(), io.hfthot.quant.portfolio.PortfolioProblem.DEFAULT_GAMMA, "gamma");
        double rho = nonNegative(request.rho(), io.hfthot.quant.portfolio.PortfolioProblem.DEFAULT_RHO, "rho");
        Instant nowInstant = clock.instant();
        long now = nowInstant.toEpochMilli();
        long end = request.endTime() == null ? now : Math.min(request.endTime(), now);
        if (request.endTime() != null && request.endTime() < 0) {
            throw EngineException.invalid("end_time", "end_time must be a Unix ms timestamp >= 0, got " + request.endTime());
        }
        long start;
        if (request.startTime() == null) {
            // The default span is a year, shortened to what the tier's history can feed (the first
            // rebalance needs lookback_days of returns before it).
            long earliest = earliestAllowedMs(caller, nowInstant);
            start = Math.max(end - DEFAULT_BACKTEST_DAYS * DAY_MS, earliest + (long) (lookback + 1) * DAY_MS);
            if (start > end) {
                requireDepth(caller, end - (long) (lookback + 1) * DAY_MS, nowInstant, "lookback_days");
            }
        } else {
            start = request.startTime();
        }
        if (start < 0) {
            throw EngineException.invalid("start_time", "start_time must be a Unix ms timestamp >= 0, got " + start);
        }
        if (end < start) {
            throw EngineException.invalid("end_time", "end_time must be >= start_time (" + start + "), got " + end);
        }
        long rebalances = (end - start) / DAY_MS / rebalance + 1;
        if (rebalances > MAX_REBALANCES) {
            throw EngineException.invalid("rebalance_days", "the backtest from " + Instant.ofEpochMilli(start) + " to "
                    + Instant.ofEpochMilli(end) + " with rebalance_days=" + rebalance + " would run " + rebalances
                    + " rebalances; at most " + MAX_REBALANCES + " are accepted: raise rebalance_days or shorten"
                    + " start_time..end_time");
        }
        // The first rebalance needs lookback days of returns before start_time: that history is read too.
        long readFrom = start - (long) (lookback + 1) * DAY_MS;
        requireDepth(caller, readFrom, nowInstant, request.startTime() == null ? "lookback_days" : "start_time");
        int maxDays = (int) Math.min(Integer.MAX_VALUE, (end - readFrom) / DAY_MS + 2);
        DailyCloses closes = dailyCloses(symbols, readFrom, end, maxDays);
        if (closes.days() < lookback + 2) {
            throw EngineException.invalid("start_time", "the backtest needs at least lookback_days + 2 = "
                    + (lookback + 2) + " common daily closes, found " + closes.days() + " from " + Instant.ofEpochMilli(readFrom)
                    + " to " + Instant.ofEpochMilli(end));
        }
        return quant(() -> portfolio.backtest(method, closes, lookback, rebalance, cost, gamma, rho));
    }

    // ------------------------------------------------------------------ lakehouse

    /**
     * {@code GET /v1/lakehouse/query}: a read-only SQL SELECT over the lakehouse tables (with
     * {@code VERSION AS OF}), encoded as JSON or Arrow. The caller's historical depth applies inside every table
     * read: rows whose {@code ts} is before the tier's earliest allowed instant do not exist for the query.
     *
     * @param caller    the authenticated caller (its tier bounds the rows visible)
     * @param statement the SQL
     * @param format    {@code json} (default when null) or {@code arrow}
     * @return the encoded result
     * @throws EngineException INVALID_PARAMS (sql, format), RATE_LIMITED (too many concurrent queries) or
     *                     INTERNAL_ERROR (no SQL engine configured)
     */
    public SqlResponse sql(Principal caller, String statement, String format) {
        Objects.requireNonNull(caller, "caller");
        SqlFormat f = SqlFormat.parse(format);
        if (statement == null || statement.isBlank()) {
            throw EngineException.invalid("sql", "sql is required: a DuckDB SELECT statement, e.g. SELECT * FROM market.ohlcv LIMIT 10");
        }
        if (sql == null) {
            throw EngineException.internal("no SQL engine is configured on this server", null);
        }
        return sql.query(statement, f, visibleFrom(caller), caller);
    }

    /**
     * Exports a table (latest or at a version) as one Parquet file holding the rows the caller's tier may read
     * (rows whose {@code ts} is before its earliest allowed instant are not written).
     *
     * @param caller  the authenticated caller (its tier bounds the rows exported)
     * @param table   a public table, e.g. {@code market.ohlcv}
     * @param version the version, or null for the latest
     * @return the export, whose {@code rows} counts the rows written; close it after sending to delete the file
     * @throws EngineException INVALID_PARAMS (table, version)
     */
    public ParquetExport exportParquet(Principal caller, String table, Long version) {
        Objects.requireNonNull(caller, "caller");
        return storage.write("a Parquet export", () -> history.exportParquet(table, version, visibleFrom(caller)));
    }

    /**
     * Lists the versions of a table.
     *
     * @param table a public table
     * @return the commits
     * @throws EngineException INVALID_PARAMS (table)
     */
    public TableVersions versions(String table) {
        return history.versions(table);
    }

    /**
     * Reads a table at a version: the rows the caller's tier may read (rows whose {@code ts} is before its
     * earliest allowed instant are neither returned nor counted).
     *
     * @param caller  the authenticated caller (its tier bounds the rows visible)
     * @param table   a public table
     * @param version the version
     * @param limit   rows to return (1..10000), or null for 100
     * @return the rows, with {@code row_count} the number of visible rows
     * @throws EngineException INVALID_PARAMS (table, version, limit)
     */
    public TableRead readVersion(Principal caller, String table, long version, Integer limit) {
        Objects.requireNonNull(caller, "caller");
        return history.readVersion(table, version, limit, visibleFrom(caller));
    }

    /**
     * Reads a table as it was at an instant: the rows the caller's tier may read (as {@link #readVersion}).
     *
     * @param caller      the authenticated caller (its tier bounds the rows visible)
     * @param table       a public table
     * @param timestampMs the instant, Unix ms (a commit time; the depth applies to the rows' {@code ts})
     * @param limit       rows to return (1..10000), or null for 100
     * @return the rows, with {@code row_count} the number of visible rows
     * @throws EngineException INVALID_PARAMS (table, timestamp, limit)
     */
    public TableRead readAtTimestamp(Principal caller, String table, long timestampMs, Integer limit) {
        Objects.requireNonNull(caller, "caller");
        return history.readAtTimestamp(table, timestampMs, limit, visibleFrom(caller));
    }

    /**
     * Lists the tables the API exposes.
     *
     * @return table names
     */
    public List<String> tables() {
        return history.tables();
    }

    // ------------------------------------------------------------------ account

    /**
     * {@code GET /v1/account/usage}: the caller's usage under seed 000's field names.
     *
     * @param caller the caller
     * @return requests_today, daily_limit, ws_active, ws_max, tier, billing_cycle_end, provider_keys
     */
    public UsageResponse usage(Principal caller) {
        Objects.requireNonNull(caller, "caller");
        AccountUsage u = access.usage(caller, clock.instant());
        Map<String, Object> f = u.toFields();
        Map<String, Object> providers = new LinkedHashMap<>();
        providerKeys.status(caller.ownerId()).forEach((name, status) -> providers.put(name, status.toFields()));
        return new UsageResponse(u.requestsToday(), f.get("daily_limit"), u.wsActive(), f.get("ws_max"), u.tier().id(),
                u.billingCycleEnd().toString(), providers);
    }

    /**
     * Issues an API key for any account, the operator's path (benchmarks, tests, administration): it is not
     * subject to the account limits of {@link #createKey}. The raw key is returned once and only its hash is
     * stored.
     *
     * @param owner the owner id (1..128 characters of letters, digits, {@code _ . @ -})
     * @param tier  the tier ({@code free_beta}, {@code hobbyist}, {@code professional}, {@code enterprise}, or
     *              the short forms {@code free}, {@code hob}, {@code pro}, {@code ent})
     * @return the key
     * @throws EngineException INVALID_PARAMS (owner, tier)
     */
    public GeneratedKey generateKey(String owner, String tier) {
        if (owner == null || !owner.matches("[A-Za-z0-9_.@-]{1,128}")) {
            throw EngineException.invalid("owner", "owner must be 1 to 128 letters, digits or _ . @ -, got "
                    + (owner == null ? "nothing" : "'" + owner + "'"));
        }
        Tier t;
        try {
            t = Tier.parse(tier);
        } catch (IllegalArgumentException e) {
            throw EngineException.invalid("tier", e.getMessage());
        }
        IssuedApiKey issued = storage.write("creating an API key", () -> access.keys().issue(owner, t));
        return DemoKeys.toGenerated(issued);
    }

    /**
     * {@code POST /v1/keys}: creates a key in the caller's account, within its tier, live-key cap and creation
     * window ({@link io.hfthot.engine.identity.access.AccountKeys}).
     *
     * @param caller the key asking
     * @param tier   the new key's tier (any name {@link Tier#parse} accepts), or null for the caller's tier
     * @return the key (the raw key is returned once)
     * @throws EngineException INVALID_PARAMS (tier), TIER_REQUIRED (tier above the caller's), RATE_LIMITED (cap or
     *                      creation window)
     */
    public GeneratedKey createKey(Principal caller, String tier) {
        Objects.requireNonNull(caller, "caller");
        Tier t;
        try {
            t = tier == null ? caller.tier() : Tier.parse(tier);
        } catch (IllegalArgumentException e) {
            throw EngineException.invalid("tier", e.getMessage());
        }
        AccountKeys.Issue issue = storage.write("creating an API key",
                () -> access.accountKeys().create(caller, t, clock.instant()));
        QuotaDecision d = issue.decision();
        if (!d.allowed()) {
            ErrorCode code = d.outcome() == QuotaDecision.Outcome.TIER_REQUIRED ? ErrorCode.TIER_REQUIRED
                    : ErrorCode.RATE_LIMITED;
            throw new EngineException(code, "tier", d.required().orElse(null), d.message(), null);
        }
        return DemoKeys.toGenerated(issue.key());
    }

    /**
     * {@code DELETE /v1/keys/{key_id}}: revokes a key of the caller's account; it is refused from the next request
     * on and its open streams are closed.
     *
     * @param caller the key asking (it may revoke itself)
     * @param keyId  the key's public id
     * @return the revoked row, or empty when the caller's account has no key with that id
     */
    public Optional<ApiKeyRecord> revokeKey(Principal caller, String keyId) {
        Objects.requireNonNull(caller, "caller");
        return storage.write("revoking an API key", () -> access.accountKeys().revoke(caller, keyId));
    }

    /**
     * Returns the bounded pool that adapters run compute-heavy operations on ({@link #mfgPrice},
     * {@link #optimize}, {@link #backtest}), with its deadline and cancellation.
     *
     * @return the compute gate
     */
    public ComputeGate compute() {
        return compute;
    }

    /**
     * Returns the demo keys (one per tier) issued at first start, for the server to print.
     *
     * @return the keys, empty when demo keys are off
     */
    public List<GeneratedKey> demoKeys() {
        return engine.demoKeys();
    }

    // ------------------------------------------------------------------ streams

    /**
     * Subscribes to a symbol's trades ({@code lab.ticks.<SYMBOL>}, payload
     * {@link io.hfthot.engine.lab.api.TickMessage}).
     *
     * @param symbol   the symbol
     * @param options  queue bound and overflow policy
     * @param listener receives the events
     * @return the subscription; close it to stop
     * @throws EngineException INVALID_PARAMS (symbol)
     */
    public Subscription subscribeTicks(String symbol, SubscriptionOptions options, EventListener listener) {
        return bus.subscribe(LabTopics.ticks(symbol(symbol)), options, listener);
    }

    /**
     * Subscribes to a symbol's regime changes ({@code lab.regime.<SYMBOL>}, payload
     * {@link io.hfthot.engine.lab.api.RegimeChangeMessage}).
     *
     * @param symbol   the symbol
     * @param options  queue bound and overflow policy
     * @param listener receives the events
     * @return the subscription; close it to stop
     * @throws EngineException INVALID_PARAMS (symbol)
     */
    public Subscription subscribeRegime(String symbol, SubscriptionOptions options, EventListener listener) {
        return bus.subscribe(LabTopics.regime(symbol(symbol)), options, listener);
    }

    // ------------------------------------------------------------------ wiring

    /**
     * Returns the symbols served.
     *
     * @return e.g. BTC-USDT, ETH-USDT, SOL-USDT
     */
    public List<String> symbols() {
        return market.symbols();
    }

    /**
     * {@code GET /v1/market/symbols}: the simulated symbols, then the symbols found only in {@code market.ohlcv}
     * (imported), each with its stored intervals, time range and bar count.
     *
     * @return the symbols
     */
    public MarketSymbolsResponse marketSymbols() {
        return MarketSymbols.list(market.symbols(), marketData.imported());
    }

    /**
     * Returns the access control (authentication, quotas, usage) the adapters' filters use.
     *
     * @return the access control
     */
    public AccessControl access() {
        return access;
    }

    /**
     * Returns users' upstream provider keys, reported under {@code provider_keys} by {@link #usage}.
     *
     * @return the provider keys service
     */
    public ProviderKeys providerKeys() {
        return providerKeys;
    }

    /**
     * Returns the event bus carrying the lab's topics (the adapters' stream endpoints subscribe to it).
     *
     * @return the bus
     */
    public EventBus bus() {
        return bus;
    }

    /**
     * Returns the engine this service runs over (for wiring other surfaces, a SQL engine, compaction).
     *
     * @return the engine
     */
    public Engine engine() {
        return engine;
    }

    /**
     * Runs one round of the engine's background work now ({@link Engine#runMaintenance()}).
     */
    public void runMaintenance() {
        engine.runMaintenance();
    }

    /**
     * Stops admitting computations, closes the SQL engine and, when this service started its engine, closes the
     * engine too; idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        compute.close();
        if (sql != null) {
            sql.close();
        }
        if (ownsEngine) {
            engine.close();
        }
    }

    /**
     * Returns whether the data directory takes writes now, and why not: {@code /v1/health} reports it, and
     * every write of the service goes through it (refused with {@code SERVICE_UNAVAILABLE} while read-only).
     *
     * @return the storage guard
     */
    public StorageGuard storage() {
        return storage;
    }

    // ------------------------------------------------------------------ internals

    private DailyCloses dailyCloses(List<String> symbols, long fromMs, long toMs, int maxDays) {
        int limit = Math.max(1, Math.min(MarketRequests.MAX_LIMIT, maxDays));
        List<Map<Long, Double>> bySymbol = new ArrayList<>();
        Set<Long> common = null;
        for (String s : symbols) {
            Map<Long, Double> closes = new LinkedHashMap<>();
            for (Bar b : marketData.bars(s, Interval.ONE_DAY, fromMs, toMs, limit)) {
                closes.put(b.time(), b.close());
            }
            bySymbol.add(closes);
            if (common == null) {
                common = new HashSet<>(closes.keySet());
            } else {
                common.retainAll(closes.keySet());
            }
        }
        long[] times = common == null ? new long[0] : common.stream().mapToLong(Long::longValue).sorted().toArray();
        double[][] closes = new double[times.length][symbols.size()];
        for (int t = 0; t < times.length; t++) {
            for (int i = 0; i < symbols.size(); i++) {
                closes[t][i] = bySymbol.get(i).get(times[t]);
            }
        }
        return new DailyCloses(symbols, times, closes);
    }

    /**
     * The earliest bar time the caller's tier may read, in Unix ms. An unbounded tier (Enterprise) reports
     * {@link Instant#MIN}, which has no millisecond value; market data starts at the Unix epoch anyway.
     */
    private long earliestAllowedMs(Principal caller, Instant now) {
        Instant earliest = access.quotas().earliestAllowed(caller.tier(), now);
        return earliest.isBefore(Instant.EPOCH) ? 0L : earliest.toEpochMilli();
    }

    /**
     * The first instant whose rows the caller's tier may read, rounded up to the microsecond (the lakehouse's
     * timestamp precision), or null for an unbounded tier. The bound of SQL, Parquet export and table reads.
     */
    private Instant visibleFrom(Principal caller) {
        Instant earliest = access.quotas().earliestAllowed(caller.tier(), clock.instant());
        return earliest.equals(Instant.MIN) ? null : TableHistory.ceilToMicros(earliest);
    }

    private void requireDepth(Principal caller, long startMs, Instant now, String parameter) {
        QuotaDecision d = access.historyFrom(caller, Instant.ofEpochMilli(startMs), now);
        if (!d.allowed()) {
            throw new EngineException(ErrorCode.TIER_REQUIRED, parameter, d.required().orElse(null), d.message(), null);
        }
    }

    private String symbol(String symbol) {
        if (!knownSymbol(symbol)) {
            throw EngineException.invalid("symbol", "symbol must be one of " + knownSymbols() + ", got "
                    + (symbol == null ? "nothing" : "'" + symbol + "'"));
        }
        return symbol;
    }

    /** Simulated symbols and those imported into {@code market.ohlcv} (re-read at most once a second). */
    private boolean knownSymbol(String symbol) {
        return symbol != null && (engine.isLive(symbol) || marketData.imported().contains(symbol));
    }

    private List<String> knownSymbols() {
        List<String> all = new ArrayList<>(market.symbols());
        all.addAll(marketData.imported().symbols());
        return all;
    }

    /** Quotes and books need the live market: imported symbols have bars only. */
    private String liveSymbol(String symbol, String what) {
        String s = symbol(symbol);
        if (!engine.isLive(s)) {
            throw EngineException.invalid("symbol", "symbol '" + s + "' has imported bars only, and " + what
                    + " needs the live market, which serves " + market.symbols());
        }
        return s;
    }

    private static Interval interval(String interval) {
        if (interval == null) {
            throw EngineException.invalid("interval", "interval is required: one of [1m, 5m, 15m, 1h, 1d]");
        }
        return Interval.parse(interval);
    }

    private static int limit(int limit) {
        return MarketRequests.limit(limit);
    }

    private static String method(String method) {
        if (method == null || !PortfolioOptimizers.names().contains(method)) {
            throw EngineException.invalid("method", "method must be one of " + PortfolioOptimizers.names() + ", got "
                    + (method == null ? "nothing" : "'" + method + "'"));
        }
        return method;
    }

    private List<String> distinctSymbols(List<String> symbols, boolean mustBeKnown) {
        if (symbols == null || symbols.isEmpty()) {
            throw EngineException.invalid("symbols", "symbols must be a non-empty list, e.g. [\"BTC-USDT\", \"ETH-USDT\"]");
        }
        if (symbols.size() > MAX_SYMBOLS) {
            throw EngineException.invalid("symbols", "symbols must hold at most " + MAX_SYMBOLS + " entries, got "
                    + symbols.size());
        }
        Set<String> seen = new HashSet<>();
        for (String s : symbols) {
            if (s == null || s.isBlank()) {
                throw EngineException.invalid("symbols", "symbols must not contain blank entries");
            }
            if (mustBeKnown && !knownSymbol(s)) {
                throw EngineException.invalid("symbols", "symbols must be among " + knownSymbols() + ", got '" + s + "'");
            }
            if (!seen.add(s)) {
                throw EngineException.invalid("symbols", "symbols must be distinct, '" + s + "' appears twice");
            }
        }
        return List.copyOf(symbols);
    }

    private static int lookbackDays(Integer days) {
        int d = days == null ? DEFAULT_LOOKBACK_DAYS : days;
        if (d < MIN_LOOKBACK_DAYS || d > MAX_LOOKBACK_DAYS) {
            throw EngineException.invalid("lookback_days", "lookback_days must be in [" + MIN_LOOKBACK_DAYS + ", "
                    + MAX_LOOKBACK_DAYS + "], got " + d);
        }
        return d;
    }

    private static double positive(Double value, double fallback, String name) {
        double v = value == null ? fallback : value;
        if (!(v > 0) || !Double.isFinite(v)) {
            throw EngineException.invalid(name, name + " must be a finite number > 0, got " + v);
        }
        return v;
    }

    private static double nonNegative(Double value, double fallback, String name) {
        double v = value == null ? fallback : value;
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw EngineException.invalid(name, name + " must be a finite number >= 0, got " + v);
        }
        return v;
    }

    private static double[] vector(List<Double> values, int n) {
        if (values.size() != n) {
            throw EngineException.invalid("expected_returns", "expected_returns must have one entry per symbol (" + n
                    + "), got " + values.size());
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Double v = values.get(i);
            if (v == null || !Double.isFinite(v)) {
                throw EngineException.invalid("expected_returns", "expected_returns[" + i + "] must be a finite number, got " + v);
            }
            out[i] = v;
        }
        return out;
    }

    private static double[][] matrix(List<List<Double>> rows, int n) {
        if (rows.size() != n) {
            throw EngineException.invalid("covariance", "covariance must be " + n + " x " + n + " (one row per symbol), got "
                    + rows.size() + " rows");
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            List<Double> row = rows.get(i);
            if (row == null || row.size() != n) {
                throw EngineException.invalid("covariance", "covariance row " + i + " must have " + n + " entries, got "
                        + (row == null ? 0 : row.size()));
            }
            for (int j = 0; j < n; j++) {
                Double v = row.get(j);
                if (v == null || !Double.isFinite(v)) {
                    throw EngineException.invalid("covariance", "covariance[" + i + "][" + j + "] must be a finite number, got " + v);
                }
                out[i][j] = v;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double a = out[i][j];
                double b = out[j][i];
                if (Math.abs(a - b) > 1e-10 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)))) {
                    throw EngineException.invalid("covariance", "covariance must be symmetric, got [" + i + "][" + j + "] = "
                            + a + " and [" + j + "][" + i + "] = " + b);
                }
            }
        }
        return out;
    }

    private static <T> T quant(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            // quant-core names the offending input (e.g. a covariance that is not positive semidefinite).
            throw EngineException.invalid(parameterOf(e.getMessage()), e.getMessage());
        }
    }

    private static String parameterOf(String message) {
        if (message != null) {
            for (String p : List.of("covariance", "expected_returns", "gamma", "rho", "symbols")) {
                if (message.toLowerCase(java.util.Locale.ROOT).contains(p.replace("_", ""))
                        || message.contains(p)) {
                    return p;
                }
            }
        }
        return "covariance";
    }
}
