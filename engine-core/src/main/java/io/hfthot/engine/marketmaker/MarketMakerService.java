package io.hfthot.engine.marketmaker;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.events.EventListener;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 003's market maker on the shared {@link Engine}: runs a {@link MarketMakerBot} against an
 * {@link ExecutionVenue} (the {@link SimulatedVenue} by default) whose token follows the engine's reference
 * symbol, publishes a {@link TradeData} on the bus topic {@value #TOPIC} after each tick that changed what a
 * dashboard shows (at least every heartbeat interval) plus a {@code HEARTBEAT} every heartbeat interval, journals
 * the session and every fill ({@link SessionJournal}) and restores them at start.
 *
 * <p>Controls: {@link #updateParameters} (all or nothing, effective from the next tick) and {@link #emergencyStop}
 * (cancels every resting order under the tick lock, so no order reaches the venue after it returns; audited).
 * After a stop, only an update asking for {@code is_running: true} that was sent after the stop restarts the bot:
 * callers pass the {@link #stopCount()} they saw when the request arrived.
 *
 * <p>Why it is a little longer than the house's 400 lines: ticks, parameter changes, the emergency stop and the
 * journal must serialize on one lock, so the controls and the tick loop stay in one class; the venue, the quoting
 * decision and the accounting are classes of their own ({@code SimulatedVenue}, {@code MarketMakerBot},
 * {@code Ledger}).
 *
 * <p>Thread safety: every public method may be called from any thread; ticks, controls and snapshots serialize on
 * one lock.
 */
public final class MarketMakerService implements AutoCloseable {
    /** The bus topic carrying {@link TradeData} messages. */
    public static final String TOPIC = "marketmaker.trades";
    private static final Logger LOG = LoggerFactory.getLogger(MarketMakerService.class);
    private static final DateTimeFormatter SEED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS",
            Locale.ROOT);

    /** Opens the venue the bot trades on. */
    @FunctionalInterface
    public interface VenueFactory {
        /**
         * @param fairValue the token's fair value model
         * @param reference the reference price
         * @param tokenId   the token's id
         * @return the venue
         */
        ExecutionVenue open(FairValueModel fairValue, DoubleSupplier reference, String tokenId);
    }

    private final Engine engine;
    private final MarketMakerConfig config;
    private final SessionJournal journal;
    private final MarketMakerBot bot;
    private final double strike;
    private final Object lock = new Object();
    private final ScheduledExecutorService jobs;
    private final ScheduledExecutorService heartbeats;
    private long stops;
    private volatile TradeData last;
    private TradeData lastPublishedContent;
    private long lastPublishedMs = Long.MIN_VALUE;
    private volatile boolean closed;

    private MarketMakerService(Engine engine, MarketMakerConfig config, SessionJournal journal, MarketMakerBot bot,
                               double strike) {
        this.engine = engine;
        this.config = config;
        this.journal = journal;
        this.bot = bot;
        this.strike = strike;
        this.jobs = config.background() ? startJobs() : null;
        this.heartbeats = config.background() ? startHeartbeats() : null;
    }

    /**
     * Starts the service on the simulated venue.
     *
     * @param engine the engine (clock, market, lakehouse, bus); the service attaches itself to it
     * @param config the configuration
     * @return the running service
     */
    public static MarketMakerService start(Engine engine, MarketMakerConfig config) {
        Objects.requireNonNull(config, "config");
        return start(engine, config, (fair, reference, tokenId) -> new SimulatedVenue(config.venue(), fair, reference,
                tokenId));
    }

    /**
     * Starts the service on a venue: restores the last session from the lakehouse (parameters, ledger, strike) or
     * starts a new one struck at the current reference price, and starts ticking when the config says so.
     *
     * @param engine the engine; the service attaches itself to it
     * @param config the configuration
     * @param venues opens the venue
     * @return the running service
     */
    public static MarketMakerService start(Engine engine, MarketMakerConfig config, VenueFactory venues) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(venues, "venues");
        if (!engine.market().symbols().contains(config.referenceSymbol())) {
            throw new IllegalArgumentException("referenceSymbol " + config.referenceSymbol()
                    + " is not a live market symbol; known: " + engine.market().symbols());
        }
        DoubleSupplier reference = () -> engine.market().ticker(config.referenceSymbol()).last();
        SessionJournal.Opened opened = SessionJournal.open(engine.lakehouse(), engine.storage());
        double strike = opened.last().map(SessionRecord::strike).orElseGet(reference::getAsDouble);
        BotParameters params = opened.last().map(SessionRecord::parameters).orElse(config.initialParameters());
        LedgerState state = opened.last().map(SessionRecord::ledger)
                .orElse(LedgerState.fresh(config.startingCash(), config.startingMatic()));
        FairValueModel fair = FairValueModel.struckAt(strike);
        String tokenId = String.format(Locale.ROOT, "sim-%s-above-%.2f",
                config.referenceSymbol().toLowerCase(Locale.ROOT), strike);
        ExecutionVenue venue = venues.open(fair, reference, tokenId);
        int ticksPerDollar = (int) Math.round(1 / venue.tickSize());
        MarketMakerBot bot = new MarketMakerBot(venue, new QuoteDecider(fair, config.model().create(),
                config.calibration(), ticksPerDollar), new Ledger(state), RealisedVolatility.defaults(), params);
        SessionJournal journal = opened.journal();
        journal.record("START", engine.clock().instant(), null, params, state, strike);
        if (engine.storage().writable()) { // read-only (full disk): the rows wait for the disk to come back
            journal.flush();
        }
        MarketMakerService service = new MarketMakerService(engine, config, journal, bot, strike);
        engine.attach(service);
        return service;
    }

    private ScheduledExecutorService startJobs() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(2, daemon("hfthot-market-maker"));
        long tick = config.tickInterval().toMillis();
        s.scheduleWithFixedDelay(guarded("tick", this::tickOnce), tick, tick, TimeUnit.MILLISECONDS);
        long flush = config.flushInterval().toMillis();
        s.scheduleWithFixedDelay(guarded("journal flush", () -> {
            if (engine.storage().writable()) { // read-only: rows stay buffered, the guard has said why once
                journal.flush();
            }
        }), flush, flush, TimeUnit.MILLISECONDS);
        return s;
    }

    /** Heartbeats on their own thread: a slow tick or commit never delays them. */
    private ScheduledExecutorService startHeartbeats() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, daemon("hfthot-market-maker-heartbeat"));
        long beat = config.heartbeatInterval().toMillis();
        s.scheduleAtFixedRate(guarded("heartbeat", this::heartbeatOnce), beat, beat, TimeUnit.MILLISECONDS);
        return s;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Runs one tick now and publishes its {@link TradeData} when it changed what a dashboard shows, or when the
     * last one is a heartbeat interval old.
     *
     * @return the tick's message (published or not); null once closed
     */
    public TradeData tickOnce() {
        TradeData data;
        boolean publish;
        synchronized (lock) {
            if (closed) {
                return null;
            }
            Instant now = engine.clock().instant();
            TickResult r = bot.step(now.toEpochMilli(), engine.market().ticker(config.referenceSymbol()).last());
            journalTick(now, r);
            data = bot.tradeData(timestamp(now), r.action());
            last = data;
            TradeData content = data.visibleContent();
            long ms = now.toEpochMilli();
            publish = !content.equals(lastPublishedContent)
                    || ms - lastPublishedMs >= config.heartbeatInterval().toMillis();
            if (publish) {
                lastPublishedContent = content;
                lastPublishedMs = ms;
            }
        }
        if (publish) {
            engine.eventBus().publish(TOPIC, data);
        }
        return data;
    }

    private void journalTick(Instant now, TickResult r) {
        if (!r.ledgerChanged()) {
            return;
        }
        // Each FILL row carries the state after all of this tick's fills: the state is what a restart restores.
        LedgerState state = bot.ledgerState();
        for (Fill f : r.fills()) {
            journal.record("FILL", now, f, bot.parameters(), state, strike);
        }
        if (r.fills().isEmpty()) {
            journal.record("STATE", now, null, bot.parameters(), state, strike);
        }
    }

    /**
     * Publishes a {@code HEARTBEAT} with the last tick's metrics now, without waiting for a tick in progress.
     *
     * @return the message; null once closed
     */
    public TradeData heartbeatOnce() {
        if (closed) {
            return null;
        }
        TradeData current = latest();
        if (current == null) {
            return null;
        }
        TradeData data = current.as(TickAction.HEARTBEAT, timestamp(engine.clock().instant()));
        engine.eventBus().publish(TOPIC, data);
        return data;
    }

    /**
     * Returns the last tick's message; before the first tick, runs it (a snapshot taken before the venue's first
     * poll would show an empty book, a midpoint of 0, to a dashboard that connects early).
     *
     * @return the message; null once closed before any tick
     */
    public TradeData latest() {
        TradeData current = last;
        return current != null ? current : tickOnce();
    }

    /** @return the current parameters */
    public BotParameters parameters() {
        synchronized (lock) {
            return bot.parameters();
        }
    }

    /** @return how many emergency stops took effect so far in this process; pass it to {@link #updateParameters} */
    public long stopCount() {
        synchronized (lock) {
            return stops;
        }
    }

    /**
     * Applies a partial update, all or nothing, from the next tick; journals it and writes an audit row before
     * returning.
     *
     * @param update    the fields to change
     * @param stopsSeen {@link #stopCount()} when the request arrived
     * @return the parameters now
     * @throws IllegalArgumentException naming the first invalid field; nothing changed
     * @throws StopRaceException        when the update asks to run and an emergency stop happened since
     *                                  {@code stopsSeen}; nothing changed
     * @throws EngineException          SERVICE_UNAVAILABLE while the data directory takes no writes; nothing changed
     */
    public BotParameters updateParameters(ParameterUpdate update, long stopsSeen) {
        Objects.requireNonNull(update, "update");
        BotParameters next;
        Instant at;
        synchronized (lock) {
            requireOpen();
            next = update.applyTo(bot.parameters());
            Optional<String> readOnly = engine.storage().unavailableReason();
            if (readOnly.isPresent()) {
                throw new EngineException(ErrorCode.SERVICE_UNAVAILABLE, null, null,
                        "the parameters cannot be recorded now, so nothing was changed: " + readOnly.get(), null);
            }
            if (Boolean.TRUE.equals(update.isRunning()) && stops != stopsSeen) {
                throw new StopRaceException("an emergency stop took effect while this update was in flight; the bot "
                        + "stays stopped and nothing was changed: send is_running: true again to restart it");
            }
            bot.setParameters(next);
            at = engine.clock().instant();
            journal.record("PARAMETERS", at, null, next, bot.ledgerState(), strike);
        }
        journal.flush();
        journal.audit(at, "PARAMETERS_UPDATED", null, describe(update));
        return next;
    }

    /**
     * Stops the bot: cancels every resting order and sets {@code is_running} to false under the tick lock (no
     * order is placed after this returns), then journals the stop and writes an audit row (time, reason, orders
     * cancelled). Stopping a stopped bot is allowed and audited again.
     *
     * @param reason the caller's reason, or null
     * @return the stop
     * @throws EngineException SERVICE_UNAVAILABLE when the stop took effect but could not be recorded (full disk)
     */
    public EmergencyStop emergencyStop(String reason) {
        EmergencyStop stop;
        TradeData data;
        synchronized (lock) {
            requireOpen();
            BotParameters p = bot.parameters();
            int cancelled = bot.setParameters(new BotParameters(p.spreadOffset(), p.orderSize(), p.maxPosition(),
                    p.minLiquidity(), false));
            cancelled += bot.venue().cancelAll();
            stops++;
            Instant at = engine.clock().instant();
            stop = new EmergencyStop(reason, at, cancelled);
            journal.record("EMERGENCY_STOP", at, null, bot.parameters(), bot.ledgerState(), strike);
            data = bot.tradeData(timestamp(at), TickAction.STOPPED);
            last = data;
        }
        engine.eventBus().publish(TOPIC, data);
        try {
            journal.flush();
            journal.audit(stop.at(), "EMERGENCY_STOP", reason, "cancelled " + stop.cancelled() + " resting orders");
        } catch (EngineException e) {
            throw new EngineException(e.code(), null, null, "the bot is stopped and every resting order cancelled, "
                    + "but the stop could not be recorded: " + e.getMessage(), e);
        }
        return stop;
    }

    /**
     * Subscribes to the {@link TradeData} stream.
     *
     * @param options  queue bound and overflow policy
     * @param listener receives each message as the event's payload
     * @return the subscription
     */
    public Subscription subscribe(SubscriptionOptions options, EventListener listener) {
        return engine.eventBus().subscribe(TOPIC, options, listener);
    }

    /** @return the bus the stream is published on */
    public EventBus eventBus() {
        return engine.eventBus();
    }

    /** @return the configuration */
    public MarketMakerConfig config() {
        return config;
    }

    /**
     * Stops ticking, cancels the resting orders (the parameters, {@code is_running} included, are kept for the
     * next start), journals the final state and closes the venue; idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (ScheduledExecutorService s : new ScheduledExecutorService[] {heartbeats, jobs}) {
            if (s == null) {
                continue;
            }
            s.shutdownNow();
            try {
                s.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            bot.venue().cancelAll();
            journal.record("CLOSE", engine.clock().instant(), null, bot.parameters(), bot.ledgerState(), strike);
        }
        try {
            if (engine.storage().writable()) {
                journal.flush();
            }
        } catch (RuntimeException e) {
            LOG.warn("final market-maker journal flush failed", e);
        }
        bot.venue().close();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the market-maker service is closed");
        }
    }

    private static String describe(ParameterUpdate u) {
        StringBuilder b = new StringBuilder();
        append(b, "spread_offset", u.spreadOffset());
        append(b, "order_size", u.orderSize());
        append(b, "max_position", u.maxPosition());
        append(b, "min_liquidity", u.minLiquidity());
        append(b, "is_running", u.isRunning());
        return b.length() == 0 ? "no fields" : b.toString();
    }

    private static void append(StringBuilder b, String name, Object value) {
        if (value != null) {
            b.append(b.length() == 0 ? "" : ", ").append(name).append('=').append(value);
        }
    }

    /**
     * Formats an instant as seed 003's {@code timestamp}: UTC, no offset, microseconds.
     *
     * @param at the instant
     * @return e.g. {@code 2026-01-19T14:30:00.123456}
     */
    public static String timestamp(Instant at) {
        return SEED_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static Runnable guarded(String what, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again; log and keep the schedule alive.
                LOG.warn("market maker {} failed", what, e);
            }
        };
    }
}
