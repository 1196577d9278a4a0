package io.hfthot.engine.live;

import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.lab.LabTopics;
import io.hfthot.engine.lab.api.TickMessage;
import io.hfthot.engine.market.MarketDataSource;
import io.hfthot.engine.market.Tick;
import io.hfthot.engine.market.TickPoller;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the market's trades on the event bus: a {@link TickPoller} pulls each symbol's new ticks in
 * sequence order and this feed publishes one {@link TickMessage} per tick on {@link LabTopics#ticks(String)}.
 *
 * <p>Ordering and gaps: ticks of a symbol are published by the single polling thread in sequence order, and
 * the bus delivers one publisher's events on a topic in order, so a subscriber whose queue never overflows
 * receives consecutive {@code seq} numbers. The bus's bounded per-subscriber queues protect the feed from
 * slow subscribers (the subscriber's {@code OverflowPolicy} decides what it loses). A gap at the source (the
 * poller fell behind the source's retention) is counted in {@link #gaps()} and logged.
 *
 * <p>{@code latency_us} is the time from the trade's timestamp to its publication, read from the injected
 * clock, so it includes the polling period.
 */
public final class LiveTickFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTickFeed.class);

    private final EventBus bus;
    private final InstantSource clock;
    private final TickPoller poller;
    private final BooleanSupplier publishing;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();

    /**
     * Creates a feed that starts with the ticks after the source's latest at creation time.
     *
     * @param source  the market
     * @param symbols the symbols to publish
     * @param bus     the bus
     * @param clock   the clock for {@code latency_us}
     */
    public LiveTickFeed(MarketDataSource source, List<String> symbols, EventBus bus, InstantSource clock) {
        this(source, symbols, bus, clock, () -> true);
    }

    /**
     * Creates a feed that publishes only while {@code publishing} says so. With several replicas on one shared bus
     * only the market writer publishes; the others still consume their source's ticks (and drop them), so that a
     * replica that becomes the writer starts with fresh ticks rather than a backlog.
     *
     * @param source     the market
     * @param symbols    the symbols to publish
     * @param bus        the bus
     * @param clock      the clock for {@code latency_us}
     * @param publishing read before each batch: whether this process publishes ticks now
     */
    public LiveTickFeed(MarketDataSource source, List<String> symbols, EventBus bus, InstantSource clock,
                        BooleanSupplier publishing) {
        this.publishing = Objects.requireNonNull(publishing, "publishing");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = new TickPoller(source, symbols, new TickPoller.Listener() {
            @Override
            public void onTicks(String symbol, List<Tick> ticks) {
                publish(symbol, ticks);
            }

            @Override
            public void onGap(String symbol, long expected, long received) {
                gaps.incrementAndGet();
                LOG.warn("tick feed of {} skipped sequence {} to {}", symbol, expected, received - 1);
            }
        });
    }

    /**
     * Publishes every tick since the previous poll.
     *
     * @return ticks published
     */
    public int pollOnce() {
        return poller.pollOnce();
    }

    /**
     * Starts polling on the poller's daemon thread.
     *
     * @param periodMillis milliseconds between polls
     */
    public void start(long periodMillis) {
        poller.start(periodMillis);
    }

    /**
     * Returns the number of ticks published so far.
     *
     * @return the count
     */
    public long published() {
        return published.get();
    }

    /**
     * Returns the number of source gaps seen.
     *
     * @return the count
     */
    public long gaps() {
        return gaps.get();
    }

    private void publish(String symbol, List<Tick> ticks) {
        if (!publishing.getAsBoolean()) {
            return;
        }
        String topic = LabTopics.ticks(symbol);
        Instant now = clock.instant();
        long nowMicros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1000L);
        for (Tick t : ticks) {
            long latencyUs = Math.max(0, nowMicros - t.tsMs() * 1000L);
            try {
                bus.publish(topic, new TickMessage(TickMessage.TYPE, symbol, t.price(), t.qty(), t.side().wire(),
                        t.tsMs(), latencyUs, t.sequence()));
            } catch (IllegalStateException closed) {
                // The bus closed under a running poll (shutdown): stop publishing this batch.
                return;
            } catch (RuntimeException unavailable) {
                // A shared bus that cannot be reached (Redis down) loses this batch; the poller must keep running
                // (a scheduled task that throws is never run again), and publishing resumes with the next batch.
                if (failedBatches.incrementAndGet() % 1000 == 1) {
                    LOG.warn("tick feed cannot publish on {} ({}); {} batches lost so far", topic,
                            unavailable.getMessage(), failedBatches.get());
                }
                return;
            }
            published.incrementAndGet();
        }
    }

    /** Stops polling; idempotent. */
    @Override
    public void close() {
        poller.close();
    }
}
