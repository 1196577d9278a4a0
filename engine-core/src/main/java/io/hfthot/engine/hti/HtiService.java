package io.hfthot.engine.hti;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.events.EventListener;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.hti.DemoCodes.DemoCode;
import io.hfthot.engine.hti.ideas.IdeaBook;
import io.hfthot.engine.hti.ideas.IdeaGenerator;
import io.hfthot.engine.hti.ideas.IdeaTable;
import io.hfthot.engine.hti.ideas.Timeframe;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.hti.profile.HtiAccess;
import io.hfthot.engine.hti.profile.HtiAuthentication;
import io.hfthot.engine.hti.profile.HtiProfile;
import io.hfthot.engine.hti.profile.IdeaFilters;
import io.hfthot.engine.hti.profile.IssuedApiCode;
import io.hfthot.engine.hti.profile.ProfileStore;
import io.hfthot.engine.hti.profile.ValidityType;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.lab.LabTopics;
import io.hfthot.engine.market.lakehouse.MarketCompaction;
import io.hfthot.engine.quota.SlidingLogRateLimiter;
import io.hfthot.lakehouse.OptimizeResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTI trade-ideas service (seeds 001 and 002) on the shared {@link Engine}: API codes and their profiles,
 * the idea generator, history and live matching.
 *
 * <p>Ideas come from the engine's markets: every pass ({@link HtiConfig#passInterval()}, and at once after a
 * regime change is published) reads, for each simulated and each imported instrument and each {@link Timeframe},
 * the timeframe's last closed bars, the last price and the timeframe's own HMM regime posterior
 * ({@link MarketObserver}), and lets the {@link IdeaBook} create, update, close or supersede ideas
 * ({@link IdeaGenerator} says how entry, levels, confidence and P/L are drawn). A pass's revisions are appended to
 * {@code hti.ideas} in one commit first, then made current and published on the bus topic {@value #TOPIC}; a pass
 * whose commit fails changes nothing and is retried by the next one.
 *
 * <p>Replicas: the generator runs only where {@link Engine#isMarketWriter()} holds (with {@code --redis}, on the
 * replica holding the market-writer lease), so each idea is drawn and published once. A replica on standby takes
 * the revisions the generator publishes on the shared bus into its history (and reads the table back when its bus
 * queue of 1,024 revisions overflowed); when it becomes the writer it first
 * reads the ideas table back, so that it continues after the last stored id and updates the ideas still active
 * rather than drawing duplicates.
 *
 * <p>Compaction: every {@value #COMPACT_EVERY_MINUTES} minutes the generating replica compacts {@code hti.ideas}
 * (one small file per pass otherwise) with the market tables' target size and vacuums what compactions replaced
 * beyond the table's retention ({@link IdeaTable#compact}); skipped while the data directory refuses writes.
 *
 * <p>Lifecycle: {@link #start} attaches the service to the engine, which closes it first at shutdown.
 * Thread-safe.
 */
public final class HtiService implements AutoCloseable {
    /** The bus topic of idea revisions (payload: {@link TradeIdea}). */
    public static final String TOPIC = "hti.ideas";
    /** The history limit when none is given (seed 001). */
    public static final int DEFAULT_HISTORY_LIMIT = 10;
    /** The largest history limit. */
    public static final int MAX_HISTORY_LIMIT = 100;
    /** The smallest stream poll interval in seconds (seed 002). */
    public static final double MIN_POLL_SECONDS = 1.0;
    /** The largest stream poll interval in seconds (seed 002). */
    public static final double MAX_POLL_SECONDS = 10.0;

    /** Minutes between two compactions of {@code hti.ideas} (as the market tables'). */
    public static final long COMPACT_EVERY_MINUTES = 15;

    private static final Logger LOG = LoggerFactory.getLogger(HtiService.class);

    private final Engine engine;
    private final HtiConfig config;
    private final ProfileStore store;
    private final HtiAccess access;
    private final IdeaTable table;
    private final IdeaBook book;
    private final MarketObserver observer;
    private final Subscription standbyFeed;
    /** Whether the last pass generated (this process was the writer); written under {@link #passLock}. */
    private volatile boolean generating;
    /** Revisions the standby feed had dropped at the last check; guarded by {@link #passLock}. */
    private long standbyDropped;
    private final List<DemoCode> demoCodes;
    private final AdminToken adminToken;
    private final List<Subscription> regimeWatch = new ArrayList<>();
    private final ScheduledExecutorService jobs;
    private final Object passLock = new Object();

    private HtiService(Engine engine, HtiConfig config) {
        this.engine = engine;
        this.config = config;
        this.store = engine.surfaceStores().profiles();
        this.access = new HtiAccess(store, RandomSecrets.system(), new SlidingLogRateLimiter(), engine.clock());
        this.table = IdeaTable.open(engine.lakehouse());
        this.generating = engine.isMarketWriter();
        this.book = new IdeaBook(table.latest().values(), config.historyCapacity());
        this.observer = new MarketObserver(engine);
        // On standby, the writer's revisions arrive on the shared bus; the writer's own are already in its book.
        this.standbyFeed = engine.eventBus().subscribe(TOPIC, SubscriptionOptions.defaults(), e -> {
            if (!generating) {
                book.merge(List.of((TradeIdea) e.payload()));
            }
        });
        this.demoCodes = config.demoCodes()
                ? DemoCodes.ensure(engine.config().dataDir(), access, store, engine.clock()) : List.of();
        this.adminToken = AdminToken.ensure(engine.config().dataDir());
        this.jobs = config.background() ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hfthot-hti-ideas");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * Starts the service on an engine and attaches it, so that the engine closes it.
     *
     * @param engine the engine
     * @param config the settings
     * @return the running service
     */
    public static HtiService start(Engine engine, HtiConfig config) {
        HtiService service = new HtiService(engine, config);
        engine.attach(service);
        if (service.jobs != null) {
            long every = config.passInterval().toMillis();
            service.jobs.scheduleWithFixedDelay(service::runGuarded, 0, every, TimeUnit.MILLISECONDS);
            service.jobs.scheduleWithFixedDelay(service::compactGuarded, COMPACT_EVERY_MINUTES,
                    COMPACT_EVERY_MINUTES, TimeUnit.MINUTES);
            EventListener onChange = e -> service.jobs.execute(service::runGuarded);
            for (String symbol : engine.market().symbols()) {
                service.regimeWatch.add(engine.eventBus().subscribe(LabTopics.regime(symbol),
                        SubscriptionOptions.defaults(), onChange));
            }
        }
        return service;
    }

    private void runGuarded() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; log and keep the schedule alive.
            LOG.warn("trade-idea pass failed", e);
        }
    }

    private void compactGuarded() {
        try {
            compactIdeas().filter(OptimizeResult::committed).ifPresent(r -> LOG.info(
                    "{}: OPTIMIZE v{} replaced {} files by {}", IdeaTable.TABLE, r.version(), r.removedFiles(),
                    r.addedFiles()));
        } catch (RuntimeException e) {
            LOG.warn("compaction of " + IdeaTable.TABLE + " failed; retried at the next run", e);
        }
    }

    /**
     * Compacts {@code hti.ideas} now (target {@link MarketCompaction#DEFAULT_TARGET_BYTES}), then vacuums the files
     * earlier compactions replaced beyond the table's retention; only on the generating replica, and not while the
     * data directory refuses writes (a compaction writes before it removes).
     *
     * @return the compaction's result, or empty when skipped
     */
    public Optional<OptimizeResult> compactIdeas() {
        if (!engine.isMarketWriter() || !engine.storage().writable()) {
            return Optional.empty();
        }
        OptimizeResult result = table.compact(MarketCompaction.DEFAULT_TARGET_BYTES);
        table.vacuum();
        return Optional.of(result);
    }

    /**
     * Runs one generator pass now: observes every instrument and timeframe, stores the resulting revisions in
     * {@code hti.ideas}, then serves and publishes them. Does nothing on a replica that is not the market writer.
     *
     * @return the revisions made, possibly none
     */
    public List<TradeIdea> runOnce() {
        synchronized (passLock) {
            if (!engine.isMarketWriter()) {
                if (generating) {
                    LOG.info("trade-idea generator on standby: another replica holds the market-writer lease");
                }
                generating = false;
                long dropped = standbyFeed.dropped();
                if (dropped > standbyDropped) {
                    // The bus dropped revisions before they reached the history (its queue overflowed): the
                    // writer stored them before publishing, so they are read back from the table.
                    standbyDropped = dropped;
                    book.merge(table.latest().values());
                }
                return List.of();
            }
            if (!generating) {
                LOG.info("trade-idea generator taking over: reading hti.ideas back first");
                book.merge(table.latest().values());
                generating = true;
            }
            Instant now = engine.clock().instant();
            IdeaBook.Plan plan = book.plan(observer.observe(now.toEpochMilli()), now);
            if (!plan.revisions().isEmpty()) {
                if (!engine.storage().writable()) {
                    LOG.warn("trade-idea pass skipped: the data directory refuses writes");
                    return List.of();
                }
                table.append(plan.revisions());
            }
            book.apply(plan);
            for (TradeIdea idea : plan.revisions()) {
                engine.eventBus().publish(TOPIC, idea);
            }
            return plan.revisions();
        }
    }

    /**
     * Authenticates a presented code and counts the request against the code's per-minute limit.
     *
     * @param code the code, may be null
     * @return the profile or the refusal
     */
    public HtiAuthentication authenticate(String code) {
        return access.authenticate(code);
    }

    /**
     * Returns the most recent ideas a profile receives, newest first.
     *
     * @param profile the profile
     * @param limit   in [1, {@value #MAX_HISTORY_LIMIT}]
     * @return the ideas
     * @throws EngineException {@code INVALID_PARAMS} on {@code limit} out of bounds
     */
    public List<TradeIdea> history(HtiProfile profile, int limit) {
        if (limit < 1 || limit > MAX_HISTORY_LIMIT) {
            throw EngineException.invalid("limit", "limit must be an integer in [1, " + MAX_HISTORY_LIMIT + "], got "
                    + limit);
        }
        return book.history(profile.filters(), limit);
    }

    /**
     * Subscribes a profile to new and updated ideas that match its filters (no backlog).
     *
     * @param profile the authenticated profile
     * @return the feed; close it when the client goes away
     */
    public IdeaFeed subscribe(HtiProfile profile) {
        Subscription inner = engine.eventBus().subscribe(TOPIC,
                new SubscriptionOptions(config.streamQueue(), OverflowPolicy.CANCEL));
        return new IdeaFeed(inner, store, profile, engine.clock());
    }

    /**
     * Issues an API code; the code is in the result only.
     *
     * @param accountName           the account
     * @param validUntil            end of validity, or null for unlimited
     * @param requestLimitPerMinute requests per sliding minute, in [1, 100000]
     * @param filters               the filters
     * @return the code and its profile
     * @throws EngineException {@code INVALID_PARAMS} naming the refused field
     */
    public IssuedApiCode issueCode(String accountName, Instant validUntil, int requestLimitPerMinute,
                                   IdeaFilters filters) {
        if (accountName == null || accountName.isBlank() || accountName.length() > 128) {
            throw EngineException.invalid("account_name", "account_name must be 1 to 128 characters, got "
                    + (accountName == null ? "null" : accountName.length() + " characters"));
        }
        if (requestLimitPerMinute < 1 || requestLimitPerMinute > 100_000) {
            throw EngineException.invalid("request_limit_per_minute", "request_limit_per_minute must be in [1, 100000],"
                    + " got " + requestLimitPerMinute);
        }
        if (validUntil != null && !validUntil.isAfter(engine.clock().instant())) {
            throw EngineException.invalid("valid_until", "valid_until must be in the future, got " + validUntil);
        }
        return access.issue(accountName.strip(), validUntil, requestLimitPerMinute, filters);
    }

    /**
     * Revokes a code by its public id: its profile becomes fixed-term, valid until now, so open streams end.
     *
     * @param codeId the 16-hex-digit code id
     * @return false when no profile has that id or it has already expired
     */
    public boolean revoke(String codeId) {
        Instant now = engine.clock().instant();
        Optional<HtiProfile> found = store.all().stream().filter(p -> p.codeId().equals(codeId)).findFirst();
        if (found.isEmpty() || found.get().expiredAt(now)) {
            return false;
        }
        HtiProfile p = found.get();
        return store.replace(new HtiProfile(p.fingerprint(), p.accountName(), ValidityType.FIXED_TERM, now,
                p.requestLimitPerMinute(), p.filters(), p.createdAt()));
    }

    /**
     * Returns every stored profile (codes are not stored: profiles carry their code id).
     *
     * @return profiles by creation time
     */
    public List<HtiProfile> profiles() {
        return store.all();
    }

    /**
     * Returns the demo codes issued at first start (and still stored), or none when demo codes are off.
     *
     * @return the demo codes
     */
    public List<DemoCode> demoCodes() {
        return demoCodes;
    }

    /**
     * Returns the token the admin routes require.
     *
     * @return the token (its file and a constant-time check)
     */
    public AdminToken adminToken() {
        return adminToken;
    }

    /**
     * Returns the ideas active now, one at most per instrument and timeframe.
     *
     * @return by id
     */
    public List<TradeIdea> activeIdeas() {
        return book.active();
    }

    /**
     * Returns the engine's clock, which stamps {@code authenticated_at}, {@code served_at} and stream events.
     *
     * @return the clock
     */
    public java.time.InstantSource clock() {
        return engine.clock();
    }

    /** Stops the generator and the regime watch; idempotent. Open feeds end when the bus closes. */
    @Override
    public void close() {
        regimeWatch.forEach(Subscription::close);
        standbyFeed.close();
        if (jobs != null) {
            jobs.shutdownNow();
            try {
                jobs.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
