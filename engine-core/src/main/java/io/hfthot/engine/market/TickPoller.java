package io.hfthot.engine.market;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns the pull side of a {@link MarketDataSource} into a push feed: each poll fetches, per symbol,
 * every tick after the last one delivered and hands them to a {@link Listener} in sequence order. This
 * is the live mode's driver: polling advances a {@link SimulatedMarket} to the clock's time.
 *
 * <p>{@link #pollOnce()} may be called directly (tests, or a caller's own loop); {@link #start(long)}
 * polls on a single daemon thread owned by this poller, which {@link #close()} stops. Polls never run
 * concurrently with each other. The listener runs on the polling thread and should hand ticks on
 * (e.g. to an event bus) rather than block.
 */
public final class TickPoller implements AutoCloseable {
    /** Receives ticks in per-symbol sequence order. */
    public interface Listener {
        /**
         * Receives consecutive ticks of one symbol.
         *
         * @param symbol the trading pair
         * @param ticks  consecutive ticks, oldest first, never empty
         */
        void onTicks(String symbol, List<Tick> ticks);

        /**
         * Reports ticks that were lost because the poller fell behind the source's retention window.
         * The default does nothing.
         *
         * @param symbol   the trading pair
         * @param expected the sequence number that should have come next
         * @param received the sequence number that came instead
         */
        default void onGap(String symbol, long expected, long received) {
        }
    }

    private static final int BATCH = 10_000;

    private final MarketDataSource source;
    private final List<String> symbols;
    private final Listener listener;
    private final Map<String, Long> delivered = new HashMap<>();
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> task;

    /**
     * Creates a poller that delivers ticks newer than the sources' latest at creation time.
     *
     * @param source   the market data source
     * @param symbols  the symbols to follow (validated against the source)
     * @param listener receives the ticks
     */
    public TickPoller(MarketDataSource source, List<String> symbols, Listener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.symbols = List.copyOf(symbols);
        this.listener = Objects.requireNonNull(listener, "listener");
        for (String symbol : this.symbols) {
            delivered.put(symbol, source.lastSequence(symbol));
        }
    }

    /**
     * Delivers every tick that arrived since the previous poll.
     *
     * @return the number of ticks delivered
     */
    public synchronized int pollOnce() {
        int count = 0;
        for (String symbol : symbols) {
            long after = delivered.get(symbol);
            while (true) {
                List<Tick> ticks = source.ticksSince(symbol, after, BATCH);
                if (ticks.isEmpty()) {
                    break;
                }
                long first = ticks.get(0).sequence();
                if (first != after + 1) {
                    listener.onGap(symbol, after + 1, first);
                }
                listener.onTicks(symbol, ticks);
                after = ticks.get(ticks.size() - 1).sequence();
                count += ticks.size();
                if (ticks.size() < BATCH) {
                    break;
                }
            }
            delivered.put(symbol, after);
        }
        return count;
    }

    /**
     * Starts polling on a daemon thread.
     *
     * @param periodMillis milliseconds between polls, {@code >= 1}
     * @throws IllegalStateException if already started
     */
    public synchronized void start(long periodMillis) {
        if (periodMillis < 1) {
            throw new IllegalArgumentException("periodMillis must be >= 1, got " + periodMillis);
        }
        if (executor != null) {
            throw new IllegalStateException("poller already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hfthot-tick-poller");
            thread.setDaemon(true);
            return thread;
        });
        task = executor.scheduleWithFixedDelay(this::pollOnce, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops polling and waits up to a second for a running poll to finish; idempotent. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
            if (task != null) {
                task.cancel(false);
            }
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
