package io.hfthot.engine;

import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.history.TableHistory;
import io.hfthot.engine.identity.crypto.AesGcmSealer;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.keys.DemoKeys;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.api.GeneratedKey;
import io.hfthot.engine.live.LiveTickFeed;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.market.MarketDataSource;
import io.hfthot.engine.market.MarketRequests;
import io.hfthot.engine.market.lakehouse.ImportedRegimes;
import io.hfthot.engine.market.lakehouse.LakehouseMarketData;
import io.hfthot.engine.regime.RegimeService;
import io.hfthot.engine.storage.StorageGuard;
import io.hfthot.engine.usage.provider.ProviderKeys;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.quant.hmm.FitOptions;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services every HFThot API surface shares, over small replaceable SPIs (after Delta Kernel's
 * {@code Engine} over its handlers): the clock, the {@link Lakehouse}, the {@link MarketDataSource}, the
 * {@link EventBus}, the identity stores behind {@link AccessControl} and {@link ProviderKeys}, plus what it
 * builds over them: the recorded market history, the regime service, the live tick feed, table history, the
 * storage guard, the demo keys and the background scheduler.
 *
 * <p>Built by {@link #builder(LabConfig)}; every SPI has an embedded single-process default there. Start-up
 * order (storage guard, lakehouse, identity, market, bus, market history, regimes, demo keys, tick feed, jobs)
 * and shutdown order ({@link #close()}) live here and nowhere else. A surface service ({@code LabService} for
 * seed 000) takes the engine and serves one API over it.
 *
 * <p>Background jobs (when {@link LabConfig#background()}): the tick feed (every
 * {@link LabConfig#tickPollInterval()}), regime updates per new 1m bar (every second), lakehouse appends and
 * usage flushes (every {@link LabConfig#appendInterval()}) and HMM refits (every
 * {@link LabConfig#regimeRefitInterval()}). Without them, {@link #runMaintenance()} runs one round. With several
 * replicas on one data directory only the market writer ({@link EngineBuilder#marketWriter}) publishes ticks,
 * updates regimes and appends to {@code market.*}; the other replicas re-read the stored bars each round, and a
 * replica that becomes the writer first reads what the previous one stored.
 *
 * <p>Thread safety: every getter and {@link #runMaintenance()} may be called concurrently.
 *
 * <p>Why it is a little longer than the house's 400 lines: start-up and shutdown order live in exactly one place,
 * so the construction sequence, the background rounds (which write through the storage guard in that order) and
 * the close sequence stay together in this class; the rest is one-line getters with their javadoc.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final LabConfig config;
    private final InstantSource clock;
    private final StorageGuard storage;
    private final Lakehouse lakehouse;
    private final AccessControl access;
    private final ProviderKeys providerKeys;
    private final AesGcmSealer sealer;
    private final SurfaceStores surfaceStores;
    private final Runnable flushIdentity;
    private final MarketDataSource market;
    private final Set<String> liveSymbols;
    private final EventBus bus;
    private final LakehouseMarketData marketHistory;
    private final RegimeService regimes;
    private final ImportedRegimes importedRegimes;
    private final TableHistory tableHistory;
    private final List<GeneratedKey> demoKeys;
    private final LiveTickFeed tickFeed;
    private final BooleanSupplier marketWriter;
    /** Whether the last background round wrote market data (guarded by {@link #maintenanceLock}). */
    private boolean writing;
    private final ScheduledExecutorService jobs;
    private final Object maintenanceLock = new Object();
    private final Deque<AutoCloseable> attached = new ArrayDeque<>();
    private volatile boolean closed;

    /** Opens every component in start-up order; called by {@link EngineBuilder#build()} only. */
    Engine(EngineBuilder b) {
        this.config = b.config();
        this.clock = b.clock();
        this.storage = b.openStorage();
        this.lakehouse = b.openLakehouse();
        EngineBuilder.Identity identity = b.openIdentity(lakehouse);
        this.access = identity.access();
        this.providerKeys = identity.providers();
        this.sealer = identity.sealer();
        this.surfaceStores = identity.stores();
        this.flushIdentity = identity.flush();
        this.marketWriter = b.marketWriter();
        this.writing = marketWriter.getAsBoolean();
        this.market = b.openMarket();
        this.liveSymbols = Set.copyOf(market.symbols());
        this.bus = b.openBus();
        this.marketHistory = LakehouseMarketData.open(market, lakehouse, storage, writing);
        this.regimes = new RegimeService(config.regimeFitBars(), FitOptions.defaults(), bus);
        this.importedRegimes = new ImportedRegimes(marketHistory.imported(), regimes);
        long now = clock.millis();
        for (String symbol : market.symbols()) {
            regimes.track(symbol, marketHistory.bars(symbol, Interval.ONE_MINUTE, Long.MIN_VALUE, now,
                    MarketRequests.MAX_LIMIT));
        }
        this.tableHistory = new TableHistory(lakehouse, Set.of("market", "hti"), config.dataDir().resolve("exports"));
        this.demoKeys = config.createDemoKeys() ? DemoKeys.ensure(config.dataDir(), access.keys()) : List.of();
        this.tickFeed = new LiveTickFeed(market, market.symbols(), bus, clock, marketWriter);
        this.jobs = config.background() ? startJobs() : null;
    }

    /**
     * Starts a builder whose defaults are the embedded single-process set: a local lakehouse under
     * {@code <dataDir>/lakehouse}, the deterministic {@code SimulatedMarket}, the in-memory event bus, API keys,
     * usage and provider keys in the lakehouse, sliding-log rate limits saved across restarts, and the system
     * clock.
     *
     * @param config the configuration (data directory, simulator, background jobs, storage)
     * @return the builder
     */
    public static EngineBuilder builder(LabConfig config) {
        return new EngineBuilder(config);
    }

    private ScheduledExecutorService startJobs() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hfthot-engine-jobs");
            t.setDaemon(true);
            return t;
        });
        tickFeed.start(Math.max(1, config.tickPollInterval().toMillis()));
        s.scheduleWithFixedDelay(guarded("regime update", this::updateRegimes), 1, 1, TimeUnit.SECONDS);
        long append = config.appendInterval().toMillis();
        s.scheduleWithFixedDelay(guarded("lakehouse append", this::appendOrRefreshAndFlush), append, append,
                TimeUnit.MILLISECONDS);
        long refit = config.regimeRefitInterval().toMillis();
        s.scheduleWithFixedDelay(guarded("regime refit", this::refitRegimes), refit, refit, TimeUnit.MILLISECONDS);
        return s;
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration
     */
    public LabConfig config() {
        return config;
    }

    /**
     * Returns the clock every component reads.
     *
     * @return the clock
     */
    public InstantSource clock() {
        return clock;
    }

    /**
     * Returns the lakehouse (for wiring a SQL engine, an importer or compaction).
     *
     * @return the lakehouse
     */
    public Lakehouse lakehouse() {
        return lakehouse;
    }

    /**
     * Returns the live market data source.
     *
     * @return the source
     */
    public MarketDataSource market() {
        return market;
    }

    /**
     * Returns whether a symbol is served by the live market (not only by imported bars).
     *
     * @param symbol the symbol
     * @return whether the live source serves it
     */
    public boolean isLive(String symbol) {
        return liveSymbols.contains(symbol);
    }

    /**
     * Returns the market's recorded history: the live source's bars and ticks in the lakehouse, and the
     * imported symbols.
     *
     * @return the market history
     */
    public LakehouseMarketData marketHistory() {
        return marketHistory;
    }

    /**
     * Returns the event bus every live stream reads.
     *
     * @return the bus
     */
    public EventBus eventBus() {
        return bus;
    }

    /**
     * Returns authentication, quotas and usage over the identity stores.
     *
     * @return the access control
     */
    public AccessControl access() {
        return access;
    }

    /**
     * Returns users' upstream provider keys (sealed with AES-GCM) and their query budgets.
     *
     * @return the provider keys service
     */
    public ProviderKeys providerKeys() {
        return providerKeys;
    }

    /**
     * Returns AES-GCM sealing under the data directory's master key, for secrets a surface stores.
     *
     * @return the sealer
     */
    public AesGcmSealer sealer() {
        return sealer;
    }

    /**
     * Returns the HTI and hub identity stores chosen on the builder.
     *
     * @return the stores
     */
    public SurfaceStores surfaceStores() {
        return surfaceStores;
    }

    /**
     * Attaches a surface service (its jobs, its streams) so that {@link #close()} closes it first, in the
     * reverse order of attachment, before the engine's own components; a service attached after close is
     * closed at once.
     *
     * @param service the service to close with the engine
     */
    public void attach(AutoCloseable service) {
        synchronized (attached) {
            if (!closed) {
                attached.push(service);
                return;
            }
        }
        closeQuietly(service);
    }

    /**
     * Returns the regime service (per-symbol HMMs, regime-change events).
     *
     * @return the regime service
     */
    public RegimeService regimes() {
        return regimes;
    }

    /**
     * Tells whether this process is the market writer now: always in a single process; with replicas, while it
     * holds the writer lease. Work whose results every replica shares (market data, regime changes, trade ideas)
     * runs only where this holds.
     *
     * @return true while this process writes market data
     */
    public boolean isMarketWriter() {
        return marketWriter.getAsBoolean();
    }

    /**
     * Brings an imported symbol's regime model up to date with its stored bars; a live symbol is kept up to
     * date by the jobs and is left alone.
     *
     * @param symbol a known symbol
     */
    public void syncRegime(String symbol) {
        if (!liveSymbols.contains(symbol)) {
            importedRegimes.sync(symbol);
        }
    }

    /**
     * Returns the lakehouse tables' versions, time travel and Parquet exports.
     *
     * @return the table history
     */
    public TableHistory tableHistory() {
        return tableHistory;
    }

    /**
     * Returns whether the data directory takes writes now, and why not; every write goes through it.
     *
     * @return the storage guard
     */
    public StorageGuard storage() {
        return storage;
    }

    /**
     * Returns the demo keys issued at first start (empty when disabled or issued by an earlier start).
     *
     * @return the demo keys
     */
    public List<GeneratedKey> demoKeys() {
        return demoKeys;
    }

    /**
     * Runs one round of the background work now: publishes new ticks, updates the regimes with new bars
     * (publishing regime changes) and appends closed bars and ticks to the lakehouse.
     */
    public void runMaintenance() {
        synchronized (maintenanceLock) {
            tickFeed.pollOnce();
            updateRegimes();
            appendOrRefreshAndFlush();
        }
    }

    /**
     * Stops the tick feed and the jobs, appends pending bars and ticks, flushes usage and the quota windows, then
     * closes the bus and the market source; idempotent. The lakehouse holds no open resources.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (attached) {
            closed = true;
        }
        AutoCloseable service;
        while ((service = pollAttached()) != null) {
            closeQuietly(service);
        }
        tickFeed.close();
        if (jobs != null) {
            jobs.shutdownNow();
            try {
                jobs.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (marketWriter.getAsBoolean()) {
                synchronized (maintenanceLock) {
                    appendAsWriter();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("final lakehouse append failed", e);
        }
        try {
            persist(flushIdentity);
        } catch (RuntimeException e) {
            LOG.warn("final usage flush failed", e);
        }
        bus.close();
        market.close();
    }

    private AutoCloseable pollAttached() {
        synchronized (attached) {
            return attached.poll();
        }
    }

    private static void closeQuietly(AutoCloseable service) {
        try {
            service.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed", service, e);
        }
    }

    /**
     * One background round: the market writer appends closed bars and ticks (after reading what a previous writer
     * stored, when it has just become the writer); another replica reads what the writer stored. Then usage is
     * flushed.
     */
    private void appendOrRefreshAndFlush() {
        synchronized (maintenanceLock) {
            if (marketWriter.getAsBoolean()) {
                appendAsWriter();
            } else {
                writing = false;
                marketHistory.refreshFromTables();
            }
        }
        persist(flushIdentity);
    }

    /** Appends as the market writer, first reading what a previous writer stored when the role is new here. */
    private void appendAsWriter() {
        if (!writing) {
            LOG.info("this process became the market writer; continuing after the last stored bar and tick");
            marketHistory.prepareToWrite();
            writing = true;
        }
        persist(marketHistory::appendClosed);
    }

    /**
     * Runs a background write unless the data directory is read-only; a full disk met on the way makes it
     * read-only (reported once by the guard) and what was to be written stays pending for a later round.
     */
    private void persist(Runnable write) {
        if (!storage.writable()) {
            return;
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            if (!storage.recordFailure(e)) {
                throw e;
            }
        }
    }

    private void updateRegimes() {
        if (!marketWriter.getAsBoolean()) {
            // Regime changes are published on the shared bus: only the market writer updates and publishes them.
            return;
        }
        long now = clock.millis();
        for (String symbol : market.symbols()) {
            long last = regimes.lastBarTime(symbol);
            List<Bar> fresh = marketHistory.bars(symbol, Interval.ONE_MINUTE, last + 1, now, MarketRequests.MAX_LIMIT);
            if (!fresh.isEmpty()) {
                regimes.onNewBars(symbol, fresh);
            }
        }
    }

    private void refitRegimes() {
        for (String symbol : market.symbols()) {
            regimes.refit(symbol);
        }
    }

    private static Runnable guarded(String what, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again; log and keep the schedule alive.
                LOG.warn("{} failed", what, e);
            }
        };
    }
}
