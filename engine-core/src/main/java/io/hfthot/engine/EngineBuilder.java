package io.hfthot.engine;

import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.events.InMemoryEventBus;
import io.hfthot.engine.hti.profile.LakehouseProfileStore;
import io.hfthot.engine.hti.profile.ProfileStore;
import io.hfthot.engine.hub.auth.HubApiKeyStore;
import io.hfthot.engine.hub.auth.HubUserStore;
import io.hfthot.engine.hub.auth.RefreshTokenStore;
import io.hfthot.engine.hub.secrets.SecretStore;
import io.hfthot.engine.hub.store.LakehouseHubApiKeyStore;
import io.hfthot.engine.hub.store.LakehouseHubUserStore;
import io.hfthot.engine.hub.store.LakehouseRefreshTokenStore;
import io.hfthot.engine.hub.store.LakehouseSecretStore;
import io.hfthot.engine.identity.ApiKeyService;
import io.hfthot.engine.identity.ApiKeyStore;
import io.hfthot.engine.identity.InMemoryApiKeyStore;
import io.hfthot.engine.identity.KeyLimits;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.crypto.AesGcmSealer;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.identity.lakehouse.LakehouseApiKeyStore;
import io.hfthot.engine.identity.lakehouse.LakehouseProviderKeyStore;
import io.hfthot.engine.identity.lakehouse.LakehouseUsageStore;
import io.hfthot.engine.keys.MasterKeyFile;
import io.hfthot.engine.keys.MasterKeys;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.market.MarketDataSource;
import io.hfthot.engine.market.SimulatedMarket;
import io.hfthot.engine.market.SimulatedMarketConfig;
import io.hfthot.engine.quota.InMemoryStreamLimiter;
import io.hfthot.engine.quota.QuotaEngine;
import io.hfthot.engine.quota.QuotaTable;
import io.hfthot.engine.quota.RateLimiter;
import io.hfthot.engine.quota.RateWindowFile;
import io.hfthot.engine.quota.SlidingLogRateLimiter;
import io.hfthot.engine.quota.StreamLimiter;
import io.hfthot.engine.storage.StorageGuard;
import io.hfthot.engine.usage.InMemoryUsageStore;
import io.hfthot.engine.usage.UsageService;
import io.hfthot.engine.usage.UsageStore;
import io.hfthot.engine.usage.provider.InMemoryProviderKeyStore;
import io.hfthot.engine.usage.provider.ProviderKeyStore;
import io.hfthot.engine.usage.provider.ProviderKeys;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.LakehouseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Builds an {@link Engine}: every SPI can be replaced; what is not replaced gets the embedded single-process
 * default, opened by {@link #build()} in the engine's start-up order.
 *
 * <p>About 400 lines because each replaceable SPI has one documented setter; the defaults are opened here, in the
 * engine's start-up order.
 *
 * <p>Ownership: the engine closes the event bus and the market source it was given, as it closes its defaults.
 * Persistence: the engine flushes the default lakehouse usage store and saves the default rate limiter's
 * windows under {@code <dataDir>/quota-windows.bin}; a replaced store or limiter persists on its own.
 */
public final class EngineBuilder {
    /** File of the data directory holding the rate-limit and quota windows across restarts. */
    public static final String WINDOWS_FILE = "quota-windows.bin";

    private final LabConfig config;
    private InstantSource clock = Clock.systemUTC();
    private Lakehouse lakehouse;
    private MarketDataSource market;
    private EventBus bus;
    private RateLimiter rateLimiter;
    private StreamLimiter streamLimiter;
    private BooleanSupplier marketWriter = () -> true;
    private ApiKeyStore apiKeys;
    private UsageStore usage;
    private ProviderKeyStore providerKeys;
    private KeyLimits keyLimits = KeyLimits.defaults();
    private ProfileStore profiles;
    private HubUserStore hubUsers;
    private HubApiKeyStore hubApiKeys;
    private RefreshTokenStore refreshTokens;
    private SecretStore secrets;
    private boolean ephemeralMasterKey;

    EngineBuilder(LabConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Sets the clock every component reads (default: the system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public EngineBuilder clock(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets the lakehouse (default: a local one under {@code <dataDir>/lakehouse} on the engine's clock).
     *
     * @param lakehouse the lakehouse
     * @return this builder
     */
    public EngineBuilder lakehouse(Lakehouse lakehouse) {
        this.lakehouse = Objects.requireNonNull(lakehouse, "lakehouse");
        return this;
    }

    /**
     * Sets the live market data source (default: the deterministic simulator configured by the
     * {@link LabConfig}); its bars and ticks are recorded in {@code market.ohlcv} and {@code market.ticks}.
     *
     * @param source the source, closed by the engine
     * @return this builder
     */
    public EngineBuilder marketData(MarketDataSource source) {
        this.market = Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * Sets the event bus every live stream reads (default: the in-memory bus with
     * {@link LabConfig#busThreads()} delivery threads).
     *
     * @param bus the bus, closed by the engine
     * @return this builder
     */
    public EngineBuilder eventBus(EventBus bus) {
        this.bus = Objects.requireNonNull(bus, "bus");
        return this;
    }

    /**
     * Sets the rate limiter behind the per-tier rate limits and feature quotas (default: sliding logs saved
     * across restarts).
     *
     * @param limiter the limiter
     * @return this builder
     */
    public EngineBuilder rateLimiter(RateLimiter limiter) {
        this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
        return this;
    }

    /**
     * Sets the open-stream counter behind the per-account stream limits (default: in memory, this process only;
     * a shared one counts the streams of every replica).
     *
     * @param limiter the limiter
     * @return this builder
     */
    public EngineBuilder streamLimiter(StreamLimiter limiter) {
        this.streamLimiter = Objects.requireNonNull(limiter, "limiter");
        return this;
    }

    /**
     * Sets whether this process is the market writer now (default: always). With several replicas sharing one data
     * directory exactly one of them (elected by a lease) runs the tick feed, updates and publishes regimes and
     * appends to {@code market.*}; the others read those tables and take live data from the shared bus. The engine
     * reads the supplier before each background round, so the role can move at run time.
     *
     * @param isWriter answers whether this process writes market data now; must be cheap and thread-safe
     * @return this builder
     */
    public EngineBuilder marketWriter(BooleanSupplier isWriter) {
        this.marketWriter = Objects.requireNonNull(isWriter, "isWriter");
        return this;
    }

    /**
     * Sets where API keys are stored, hashed (default: {@code auth.api_keys} in the lakehouse).
     *
     * @param store the store
     * @return this builder
     */
    public EngineBuilder apiKeys(ApiKeyStore store) {
        this.apiKeys = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Sets where per-key daily usage is counted (default: {@code auth.usage} in the lakehouse, write-behind).
     *
     * @param store the store
     * @return this builder
     */
    public EngineBuilder usage(UsageStore store) {
        this.usage = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Sets where users' sealed upstream provider keys are stored (default: {@code auth.provider_keys}).
     *
     * @param store the store
     * @return this builder
     */
    public EngineBuilder providerKeys(ProviderKeyStore store) {
        this.providerKeys = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Sets the live-key caps and key-creation rate per account (default: {@link KeyLimits#defaults()}).
     *
     * @param limits the limits
     * @return this builder
     */
    public EngineBuilder keyLimits(KeyLimits limits) {
        this.keyLimits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /**
     * Sets where HTI API codes and their profiles are stored, hashed (default: {@code auth.hti_profiles} in the
     * lakehouse).
     *
     * @param store the store
     * @return this builder
     */
    public EngineBuilder profiles(ProfileStore store) {
        this.profiles = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Sets where hub users and their password hashes are stored (default: the lakehouse, {@code hub.*} tables).
     *
     * @param store the store
     * @return this builder
     */
    public EngineBuilder hubUsers(HubUserStore store) {
        this.hubUsers = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Sets where hub API keys are stored, as SHA-256 hashes (default: the lakehouse, {@code hub.*} tables).
     *
     * @param store the store
     * @return this builder
     */
    public EngineBuilder hubApiKeys(HubApiKeyStore store) {
        this.hubApiKeys = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Sets where hub refresh tokens and their families are stored (default: the lakehouse, {@code hub.*} tables).
     *
     * @param store the store
     * @return this builder
     */
    public EngineBuilder refreshTokens(RefreshTokenStore store) {
        this.refreshTokens = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Sets where users' sealed secrets are stored (default: the lakehouse, {@code hub.*} tables).
     *
     * @param store the store
     * @return this builder
     */
    public EngineBuilder secrets(SecretStore store) {
        this.secrets = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Keeps API keys, usage, rate windows and provider keys in memory, with a random key sealing provider keys:
     * everything is lost at close and nothing is written to the data directory for them. For tests.
     *
     * @return this builder
     */
    public EngineBuilder inMemoryIdentity() {
        this.apiKeys = new InMemoryApiKeyStore();
        this.usage = new InMemoryUsageStore();
        this.rateLimiter = new SlidingLogRateLimiter();
        this.providerKeys = new InMemoryProviderKeyStore();
        this.ephemeralMasterKey = true;
        return this;
    }

    /**
     * Opens the engine: creates the data directory, opens or creates the lakehouse, fits the regime models,
     * issues demo keys at first start and, when configured, starts the background jobs.
     *
     * @return the started engine
     */
    public Engine build() {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
        }
        return new Engine(this);
    }

    LabConfig config() {
        return config;
    }

    InstantSource clock() {
        return clock;
    }

    BooleanSupplier marketWriter() {
        return marketWriter;
    }

    StorageGuard openStorage() {
        return StorageGuard.open(config.dataDir(), config.storage().minFreeBytes(), config.storage().probeInterval(),
                clock);
    }

    Lakehouse openLakehouse() {
        if (lakehouse != null) {
            return lakehouse;
        }
        Clock lakeClock = clock instanceof Clock c ? c : clock.withZone(ZoneOffset.UTC);
        return Lakehouse.open(config.dataDir().resolve("lakehouse"), LakehouseOptions.defaults().withClock(lakeClock));
    }

    MarketDataSource openMarket() {
        if (market != null) {
            return market;
        }
        return new SimulatedMarket(SimulatedMarketConfig.defaults(config.seed()).withHistory(config.history())
                .withTicksPerSecond(config.ticksPerSecond()), clock);
    }

    EventBus openBus() {
        return bus != null ? bus : new InMemoryEventBus(clock, config.busThreads());
    }

    /**
     * Opens the identity stores (defaults in the lakehouse), the quota engine over the rate limiter and the
     * provider keys sealed with the data directory's master key.
     */
    Identity openIdentity(Lakehouse lake) {
        Runnable saveWindows = () -> { };
        RateLimiter limiter = rateLimiter;
        if (limiter == null) {
            SlidingLogRateLimiter windows = new SlidingLogRateLimiter();
            RateWindowFile file = QuotaWindows.restore(config.dataDir().resolve(WINDOWS_FILE), windows);
            saveWindows = () -> file.save(windows, clock.instant());
            limiter = windows;
        }
        QuotaEngine quotas = new QuotaEngine(QuotaTable.seed000(), limiter,
                streamLimiter != null ? streamLimiter : new InMemoryStreamLimiter());
        Runnable flushUsage = () -> { };
        UsageStore usageStore = usage;
        if (usageStore == null) {
            LakehouseUsageStore stored = LakehouseUsageStore.open(lake, clock);
            flushUsage = stored::flush;
            usageStore = stored;
        }
        ApiKeyStore keyStore = apiKeys != null ? apiKeys : LakehouseApiKeyStore.open(lake);
        AccessControl access = new AccessControl(new ApiKeyService(keyStore, RandomSecrets.system(), clock), quotas,
                new UsageService(quotas, usageStore), keyLimits);
        SecureRandom random = new SecureRandom();
        byte[] master;
        if (ephemeralMasterKey) {
            master = new byte[MasterKeyFile.BYTES];
            random.nextBytes(master);
        } else {
            master = MasterKeys.load(config.storage().masterKey(), config.dataDir(), random);
        }
        ProviderKeyStore providerStore = providerKeys != null ? providerKeys : LakehouseProviderKeyStore.open(lake);
        ProviderKeys providers = new ProviderKeys(providerStore, new AesGcmSealer(master, 1, random),
                new SlidingLogRateLimiter(), clock);
        Runnable usageFlush = flushUsage;
        Runnable windowsSave = saveWindows;
        AesGcmSealer sealer = new AesGcmSealer(master, 1, random);
        SurfaceStores stores = new SurfaceStores(profiles != null ? profiles : LakehouseProfileStore.open(lake),
                hubUsers != null ? hubUsers : LakehouseHubUserStore.open(lake),
                hubApiKeys != null ? hubApiKeys : LakehouseHubApiKeyStore.open(lake),
                refreshTokens != null ? refreshTokens : LakehouseRefreshTokenStore.open(lake),
                secrets != null ? secrets : LakehouseSecretStore.open(lake));
        return new Identity(access, providers, sealer, stores, () -> {
            usageFlush.run();
            windowsSave.run();
        });
    }

    /**
     * The access control, the provider keys, the sealer, the other surfaces' identity stores and the flush of
     * the default write-behind stores.
     *
     * @param access    the access control
     * @param providers users' upstream provider keys and budgets
     * @param sealer    AES-GCM sealing under the data directory's master key
     * @param stores    the HTI and hub identity stores
     * @param flush     persists pending usage and the quota windows
     */
    record Identity(AccessControl access, ProviderKeys providers, AesGcmSealer sealer, SurfaceStores stores,
            Runnable flush) {
    }
}
