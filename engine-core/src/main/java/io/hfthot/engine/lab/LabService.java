package io.hfthot.engine.lab;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineBuilder;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.events.EventListener;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.access.AccessControl;
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
import io.hfthot.engine.lab.api.TableRead;
import io.hfthot.engine.lab.api.TableVersions;
import io.hfthot.engine.lab.api.TickerResponse;
import io.hfthot.engine.lab.api.UsageResponse;
import io.hfthot.engine.lab.compute.ComputeGate;
import io.hfthot.engine.lab.compute.ComputeLimits;
import io.hfthot.engine.sql.QueryEngine;
import io.hfthot.engine.sql.SqlResponse;
import io.hfthot.engine.storage.StorageGuard;
import io.hfthot.engine.usage.provider.ProviderKeys;
import io.hfthot.lakehouse.Lakehouse;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * <p>It is seed 000's operation table: each operation is implemented, with its validation, by one of its parts
 * ({@link LabMarket}, {@link LabSignals}, {@link LabPortfolio}, {@link LabLakehouse}, {@link LabAccount}), which
 * use the engine's shared services ({@code market.lakehouse}, {@code regime}, {@code history}, {@code sql}).
 *
 * <p>Why it is longer than the house's 400 lines: it is the one entry point the REST, WebSocket and gRPC adapters
 * call, so it keeps seed 000's whole operation table (one short delegating method per operation, each with its
 * javadoc), the start factories and the stream subscriptions; no operation's logic is here.
 *
 * <p>Thread safety: every operation may be called concurrently. {@link #close()} stops admitting computations
 * and closes the SQL engine (and the engine when {@code start} created it).
 */
public final class LabService implements AutoCloseable {
    private final Engine engine;
    private final boolean ownsEngine;
    private final ComputeGate compute;
    private final QueryEngine sql;
    private final LabSymbols symbols;
    private final LabMarket market;
    private final LabSignals signals;
    private final LabPortfolio portfolio;
    private final LabLakehouse lakehouse;
    private final LabAccount account;
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
    public LabService(Engine engine, ComputeLimits compute, Function<Lakehouse, QueryEngine> sqlFactory) {
        this(engine, compute, sqlFactory, false);
    }

    private LabService(Engine engine, ComputeLimits compute, Function<Lakehouse, QueryEngine> sqlFactory,
                       boolean ownsEngine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.ownsEngine = ownsEngine;
        this.compute = new ComputeGate(Objects.requireNonNull(compute, "compute"));
        this.symbols = new LabSymbols(engine);
        CallerDepth depth = new CallerDepth(engine.access(), engine.clock());
        this.market = new LabMarket(engine, symbols, depth);
        this.signals = new LabSignals(engine, symbols);
        this.portfolio = new LabPortfolio(engine, symbols, depth);
        this.account = new LabAccount(engine);
        this.sql = sqlFactory == null ? null : sqlFactory.apply(engine.lakehouse());
        this.lakehouse = new LabLakehouse(engine, sql, depth);
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
    public static LabService start(LabConfig config, Clock clock, Function<Lakehouse, QueryEngine> sqlFactory) {
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
                                   Function<Lakehouse, QueryEngine> sqlFactory) {
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
    public static LabService startInMemoryIdentity(LabConfig config, Clock clock, Function<Lakehouse, QueryEngine> sqlFactory) {
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
                                                   Function<Lakehouse, QueryEngine> sqlFactory) {
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
    public static LabService over(EngineBuilder builder, LabLimits limits, Function<Lakehouse, QueryEngine> sqlFactory) {
        Engine engine = builder.build();
        try {
            return new LabService(engine, limits.compute(), sqlFactory, true);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    // ------------------------------------------------------------------ operations (implemented by the parts)

    /**
     * {@code GET /v1/market/ohlcv}: see {@link LabMarket#ohlcv}.
     *
     * @param caller  the authenticated caller (its tier bounds the history)
     * @param request the parameters
     * @return the bars
     */
    public OhlcvResponse ohlcv(Principal caller, OhlcvRequest request) {
        return market.ohlcv(caller, request);
    }

    /**
     * The order book of a symbol: see {@link LabMarket#orderBook}.
     *
     * @param symbol the symbol
     * @param depth  levels per side, or null for 20
     * @return the book
     */
    public OrderBookResponse orderBook(String symbol, Integer depth) {
        return market.orderBook(symbol, depth);
    }

    /**
     * The ticker of a symbol: see {@link LabMarket#ticker}.
     *
     * @param symbol the symbol
     * @return bid, ask, last and time
     */
    public TickerResponse ticker(String symbol) {
        return market.ticker(symbol);
    }

    /**
     * {@code GET /v1/market/symbols}: see {@link LabMarket#marketSymbols}.
     *
     * @return the symbols
     */
    public MarketSymbolsResponse marketSymbols() {
        return market.marketSymbols();
    }

    /**
     * {@code GET /v1/signals/regime}: see {@link LabSignals#regime}.
     *
     * @param symbol   the symbol
     * @param lookback bars of inference, or null for 200
     * @return the regime
     */
    public RegimeResponse regime(String symbol, Integer lookback) {
        return signals.regime(symbol, lookback);
    }

    /**
     * The MFG price signal: see {@link LabSignals#mfgPrice}.
     *
     * @param symbol     the symbol
     * @param horizonMin horizon in minutes, or null for 5
     * @param nAgents    agents of the finite-crowd check, or null for 1000
     * @return trajectory and diagnostics
     */
    public MfgPriceResponse mfgPrice(String symbol, Integer horizonMin, Integer nAgents) {
        return signals.mfgPrice(symbol, horizonMin, nAgents);
    }

    /**
     * {@code POST /v1/portfolio/optimize}: see {@link LabPortfolio#optimize}.
     *
     * @param caller  the caller (its tier bounds {@code lookback_days})
     * @param request the body
     * @return weights, status and diagnostics
     */
    public OptimizeResponse optimize(Principal caller, OptimizeRequest request) {
        return portfolio.optimize(caller, request);
    }

    /**
     * A backtest: see {@link LabPortfolio#backtest}.
     *
     * @param caller  the caller (its tier bounds {@code start_time} and the estimation window)
     * @param request the body
     * @return the equity curve and metrics
     */
    public BacktestResponse backtest(Principal caller, BacktestRequest request) {
        return portfolio.backtest(caller, request);
    }

    /**
     * {@code GET /v1/lakehouse/query}: see {@link LabLakehouse#sql}.
     *
     * @param caller    the authenticated caller (its tier bounds the rows visible)
     * @param statement the SQL
     * @param format    {@code json} (default when null) or {@code arrow}
     * @return the encoded result
     */
    public SqlResponse sql(Principal caller, String statement, String format) {
        return lakehouse.sql(caller, statement, format);
    }

    /**
     * A Parquet export of a table: see {@link LabLakehouse#exportParquet}.
     *
     * @param caller  the authenticated caller (its tier bounds the rows exported)
     * @param table   a public table
     * @param version the version, or null for the latest
     * @return the export; close it after sending to delete the file
     */
    public ParquetExport exportParquet(Principal caller, String table, Long version) {
        return lakehouse.exportParquet(caller, table, version);
    }

    /**
     * The versions of a table: see {@link LabLakehouse#versions}.
     *
     * @param table a public table
     * @return the commits
     */
    public TableVersions versions(String table) {
        return lakehouse.versions(table);
    }

    /**
     * A table at a version: see {@link LabLakehouse#readVersion}.
     *
     * @param caller  the authenticated caller
     * @param table   a public table
     * @param version the version
     * @param limit   rows to return, or null for 100
     * @return the rows
     */
    public TableRead readVersion(Principal caller, String table, long version, Integer limit) {
        return lakehouse.readVersion(caller, table, version, limit);
    }

    /**
     * A table as it was at an instant: see {@link LabLakehouse#readAtTimestamp}.
     *
     * @param caller      the authenticated caller
     * @param table       a public table
     * @param timestampMs the instant, Unix ms
     * @param limit       rows to return, or null for 100
     * @return the rows
     */
    public TableRead readAtTimestamp(Principal caller, String table, long timestampMs, Integer limit) {
        return lakehouse.readAtTimestamp(caller, table, timestampMs, limit);
    }

    /**
     * The tables the API exposes.
     *
     * @return table names
     */
    public List<String> tables() {
        return lakehouse.tables();
    }

    /**
     * {@code GET /v1/account/usage}: see {@link LabAccount#usage}.
     *
     * @param caller the caller
     * @return the usage
     */
    public UsageResponse usage(Principal caller) {
        return account.usage(caller);
    }

    /**
     * Issues a key for any account (the operator's path): see {@link LabAccount#generateKey}.
     *
     * @param owner the owner id
     * @param tier  the tier
     * @return the key
     */
    public GeneratedKey generateKey(String owner, String tier) {
        return account.generateKey(owner, tier);
    }

    /**
     * {@code POST /v1/keys}: see {@link LabAccount#createKey}.
     *
     * @param caller the key asking
     * @param tier   the new key's tier, or null for the caller's
     * @return the key
     */
    public GeneratedKey createKey(Principal caller, String tier) {
        return account.createKey(caller, tier);
    }

    /**
     * {@code DELETE /v1/keys/{key_id}}: see {@link LabAccount#revokeKey}.
     *
     * @param caller the key asking
     * @param keyId  the key's public id
     * @return the revoked row, or empty
     */
    public Optional<ApiKeyRecord> revokeKey(Principal caller, String keyId) {
        return account.revokeKey(caller, keyId);
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
        return engine.eventBus().subscribe(LabTopics.ticks(symbols.require(symbol)), options, listener);
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
        return engine.eventBus().subscribe(LabTopics.regime(symbols.require(symbol)), options, listener);
    }

    // ------------------------------------------------------------------ wiring

    /**
     * Returns the symbols served.
     *
     * @return e.g. BTC-USDT, ETH-USDT, SOL-USDT
     */
    public List<String> symbols() {
        return engine.market().symbols();
    }

    /**
     * Returns the access control (authentication, quotas, usage) the adapters' filters use.
     *
     * @return the access control
     */
    public AccessControl access() {
        return engine.access();
    }

    /**
     * Returns users' upstream provider keys, reported under {@code provider_keys} by {@link #usage}.
     *
     * @return the provider keys service
     */
    public ProviderKeys providerKeys() {
        return engine.providerKeys();
    }

    /**
     * Returns the event bus carrying the lab's topics (the adapters' stream endpoints subscribe to it).
     *
     * @return the bus
     */
    public EventBus bus() {
        return engine.eventBus();
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
        return engine.storage();
    }
}
