package io.hfthot.engine.hub;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.hub.agents.AgentRuntime;
import io.hfthot.engine.hub.agents.InProcessAgentRuntime;
import io.hfthot.engine.hub.agents.MarketView;
import io.hfthot.engine.hub.auth.HubPrincipal;
import io.hfthot.engine.hub.auth.HubUser;
import io.hfthot.engine.hub.auth.HubUserStore;
import io.hfthot.engine.hub.candles.CandleCache;
import io.hfthot.engine.hub.candles.CandleProvider;
import io.hfthot.engine.hub.candles.MarketHistoryCandles;
import io.hfthot.engine.hub.secrets.SecretScope;
import io.hfthot.engine.hub.secrets.SecretVault;
import io.hfthot.engine.hub.store.LakehouseAgentJournal;
import io.hfthot.engine.hub.store.LakehouseAgentStore;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.market.MarketDataSource;
import io.hfthot.engine.market.Ticker;
import io.hfthot.engine.regime.RegimeService;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 004's hub as a surface service over the shared {@link Engine}: accounts ({@link #accounts()}), agents
 * ({@link #agents()}) on an {@link AgentRuntime}, the candle cache ({@link #candles()}), sealed secrets and the
 * per-user event topics the WebSocket reads. Agents, trades, logs, users, keys, tokens and secrets live in the
 * engine's lakehouse; agents stored as running resume at start.
 *
 * <p>Lifecycle: {@link #start} attaches the service to the engine, so closing the engine closes it first. Closing
 * stops the scheduler and the runtime (running agents stay running in the store and resume at the next start) and
 * flushes the journal. Background work on one scheduler thread: journal flush, candle refresh, login-throttle
 * eviction. Thread-safe.
 */
public final class HubService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubService.class);
    /** Email of the demo user created when no first user is configured. */
    public static final String DEMO_EMAIL = "demo@hfthot.local";

    private final HubAccounts accounts;
    private final HubAgents agents;
    private final CandleCache candles;
    private final SecretVault vault;
    private final AgentRuntime runtime;
    private final LakehouseAgentJournal journal;
    private final EventBus bus;
    private final InstantSource clock;
    private final ScheduledExecutorService jobs;
    private final Optional<String[]> demoUser;
    private final MarketDataSource market;
    private final Function<String, MarketView> views;
    private volatile boolean closed;

    private HubService(Engine engine, HubOptions options, AgentRuntime runtime, CandleProvider provider,
                       String internalSecret) {
        SecureRandom random = new SecureRandom();
        this.bus = engine.eventBus();
        this.clock = engine.clock();
        this.market = engine.market();
        this.views = views(engine);
        this.accounts = new HubAccounts(engine.surfaceStores(), options,
                HubKeyFiles.jwtKey(engine.config().dataDir(), random), internalSecret, engine.clock());
        this.demoUser = firstUser(engine, options);
        this.vault = new SecretVault(engine.surfaceStores().secrets(), engine.sealer(), engine.clock());
        this.journal = LakehouseAgentJournal.open(engine.lakehouse());
        this.runtime = runtime;
        this.agents = new HubAgents(LakehouseAgentStore.open(engine.lakehouse()), journal, runtime, bus, vault,
                options.planner(), Set.copyOf(engine.market().symbols()),
                views, options.maxAgentsPerUser(), engine.clock());
        this.candles = new CandleCache(provider, engine.clock(), options.candleRefresh());
        this.jobs = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hfthot-hub-jobs");
            t.setDaemon(true);
            return t;
        });
        every(options.journalFlush(), "journal flush", journal::flush);
        every(options.candleRefresh(), "candle refresh", candles::refreshHottest);
        every(Duration.ofMinutes(1), "login throttle eviction", accounts::evictIdle);
        agents.resumeAll();
    }

    /**
     * Starts the hub on an engine with the in-process agent runtime and the engine's market history as the
     * candle provider, and attaches it to the engine.
     *
     * @param engine  the engine
     * @param options the options
     * @return the running hub
     */
    public static HubService start(Engine engine, HubOptions options) {
        String secret = internalSecret(options);
        return start(engine, options, new InProcessAgentRuntime(engine.market(), views(engine), engine.clock(),
                options.agentThreads()), new MarketHistoryCandles(engine.marketHistory(), engine.clock()), secret);
    }

    /**
     * Starts the hub with a given agent runtime and candle provider, and attaches it to the engine.
     *
     * @param engine         the engine
     * @param options        the options
     * @param runtime        the agent runtime, closed by the hub
     * @param provider       the candle provider
     * @param internalSecret the {@code X-Internal-Secret} value (see {@link #internalSecret(HubOptions)})
     * @return the running hub
     */
    public static HubService start(Engine engine, HubOptions options, AgentRuntime runtime, CandleProvider provider,
                                   String internalSecret) {
        HubService hub = new HubService(engine, options, runtime, provider, internalSecret);
        engine.attach(hub);
        return hub;
    }

    /**
     * Returns the internal secret the options give, or a fresh random one.
     *
     * @param options the options
     * @return the secret
     */
    public static String internalSecret(HubOptions options) {
        return options.internalSecret() != null ? options.internalSecret() : RandomSecrets.system().next("his_");
    }

    /**
     * Returns the market view (HMM regime) of each market symbol.
     *
     * @param engine the engine
     * @return the views
     */
    public static Function<String, MarketView> views(Engine engine) {
        RegimeService regimes = engine.regimes();
        return symbol -> () -> {
            if (!regimes.tracks(symbol)) {
                return Optional.empty();
            }
            return RegimeService.orderedProbabilities(regimes.signal(symbol, RegimeService.DEFAULT_LOOKBACK))
                    .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        };
    }

    /**
     * Creates the first user: the configured admin when missing, else the demo user (at first start, with a
     * random password saved owner-only in the data directory and printed at every start).
     */
    private Optional<String[]> firstUser(Engine engine, HubOptions options) {
        HubUserStore users = engine.surfaceStores().hubUsers();
        Path dataDir = engine.config().dataDir();
        if (options.adminEmail() != null) {
            if (users.findByEmail(HubUser.normaliseEmail(options.adminEmail())).isEmpty()) {
                registerUnlessRaced(users, options.adminEmail(), options.adminPassword());
            }
            return Optional.empty();
        }
        if (users.findByEmail(DEMO_EMAIL).isPresent()) {
            return HubKeyFiles.readDemo(dataDir);
        }
        String password = RandomSecrets.system().next("demo-");
        if (!registerUnlessRaced(users, DEMO_EMAIL, password)) {
            return HubKeyFiles.readDemo(dataDir);
        }
        HubKeyFiles.writeDemo(dataDir, DEMO_EMAIL, password);
        return Optional.of(new String[] {DEMO_EMAIL, password});
    }

    /**
     * Registers a first user; returns false when another replica sharing the user store (Redis) registered the
     * same email between this replica's lookup and its insert, which is the same outcome as finding it.
     */
    private boolean registerUnlessRaced(HubUserStore users, String email, String password) {
        try {
            accounts.register(email, password);
            return true;
        } catch (EngineException e) {
            if (users.findByEmail(HubUser.normaliseEmail(email)).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Returns the topic a user's agents publish on ({@code agent_status}, {@code trade}, {@code log} messages).
     *
     * @param userId the user
     * @return the topic
     */
    public static String userTopic(String userId) {
        return "hub.user." + userId;
    }

    /** @return login, refresh, authentication, API keys, internal secret */
    public HubAccounts accounts() {
        return accounts;
    }

    /** @return the agents */
    public HubAgents agents() {
        return agents;
    }

    /** @return the candle cache */
    public CandleCache candles() {
        return candles;
    }

    /** @return the event bus the per-user topics are on */
    public EventBus eventBus() {
        return bus;
    }

    /** @return the clock of token expiry and agent ticks (the engine's) */
    public InstantSource clock() {
        return clock;
    }

    /**
     * Returns the quote agents trade on (for agents running outside the hub's process).
     *
     * @param marketSymbol the engine's spelling, e.g. {@code BTC-USDT}
     * @return the quote
     * @throws EngineException {@code INVALID_PARAMS} for an unknown symbol
     */
    public Ticker quote(String marketSymbol) {
        return market.ticker(marketSymbol);
    }

    /**
     * Returns the most probable HMM regime of a symbol.
     *
     * @param marketSymbol the engine's spelling
     * @return the regime's wire name, or empty
     */
    public Optional<String> regime(String marketSymbol) {
        return views.apply(marketSymbol).regime();
    }

    /** @return the agent runtime */
    public AgentRuntime runtime() {
        return runtime;
    }

    /**
     * Returns the demo user's email and password when the hub created one (no {@code HUB_ADMIN_EMAIL}).
     *
     * @return {@code [email, password]}, or empty
     */
    public Optional<List<String>> demoUser() {
        return demoUser.map(List::of);
    }

    /**
     * Stores a user secret ({@code POST /api/secrets}), sealed.
     *
     * @param caller  the owner
     * @param keyName the name
     * @param value   the value
     */
    public void putSecret(HubPrincipal caller, String keyName, String value) {
        sealing(() -> vault.put(SecretScope.user(caller.userId()), keyName, value));
    }

    /**
     * Stores an agent's secret override ({@code POST /api/agents/{id}/secrets}); the agent must be the caller's.
     *
     * @param caller  the owner
     * @param agentId the agent
     * @param keyName the name
     * @param value   the value
     */
    public void putAgentSecret(HubPrincipal caller, String agentId, String keyName, String value) {
        agents.owned(caller, agentId);
        sealing(() -> vault.put(SecretScope.agent(caller.userId(), agentId), keyName, value));
    }

    /**
     * Lists the caller's secret names ({@code GET /api/secrets}); values are never returned.
     *
     * @param caller the owner
     * @return the names, sorted
     */
    public List<String> secretNames(HubPrincipal caller) {
        return vault.names(SecretScope.user(caller.userId()));
    }

    private static void sealing(Runnable put) {
        try {
            put.run();
        } catch (IllegalArgumentException e) {
            String field = e.getMessage() != null && e.getMessage().startsWith("key_name") ? "key_name"
                    : "encrypted_value";
            throw EngineException.invalid(field, e.getMessage());
        }
    }

    private void every(Duration period, String what, Runnable job) {
        long ms = period.toMillis();
        jobs.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again; log and keep the schedule alive.
                LOG.warn("hub {} failed", what, e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        jobs.shutdownNow();
        runtime.close();
        try {
            journal.flush();
        } catch (RuntimeException e) {
            LOG.warn("final hub journal flush failed", e);
        }
    }
}
