package io.hfthot.engine.hub.agents;

import io.hfthot.engine.market.MarketDataSource;
import io.hfthot.engine.market.Ticker;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link AgentRuntime}: every agent's loop is a fixed-rate task on one shared scheduler in this
 * process, paper trading against the engine's market. An agent's first tick is offset within its interval by a
 * hash of its id, so thousands of agents created together do not all tick in the same millisecond. Each tick's
 * lateness against its schedule goes to {@link #jitter()}.
 */
public final class InProcessAgentRuntime implements AgentRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessAgentRuntime.class);

    private final MarketDataSource market;
    private final Function<String, MarketView> views;
    private final InstantSource clock;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final TickJitter jitter = new TickJitter();

    /** One running loop. */
    private static final class Running {
        private final PaperAgent agent;
        private final AgentListener listener;
        private final long firstNanos;
        private final long periodNanos;
        private long ticks;
        private boolean stopped;
        private volatile ScheduledFuture<?> future;

        Running(PaperAgent agent, AgentListener listener, long firstNanos, long periodNanos) {
            this.agent = agent;
            this.listener = listener;
            this.firstNanos = firstNanos;
            this.periodNanos = periodNanos;
        }
    }

    /**
     * Creates the runtime.
     *
     * @param market  where quotes come from (the engine's market)
     * @param views   the market view of a market symbol (its regime)
     * @param clock   the time of trades and snapshots
     * @param threads scheduler threads, at least 1
     */
    public InProcessAgentRuntime(MarketDataSource market, Function<String, MarketView> views, InstantSource clock,
                                 int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.market = market;
        this.views = views;
        this.clock = clock;
        this.scheduler = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "hfthot-hub-agents");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void start(AgentRecord agent, PaperAgent.Resume resume, AgentListener listener) {
        if (scheduler.isShutdown()) {
            throw new IllegalStateException("the agent runtime is closed");
        }
        long period = TimeUnit.SECONDS.toNanos(agent.spec().intervalSeconds());
        long offset = Math.floorMod((long) agent.agentId().hashCode() * 2_654_435_761L, period);
        Running r = new Running(new PaperAgent(agent, resume, clock), listener, System.nanoTime() + offset, period);
        if (running.putIfAbsent(agent.agentId(), r) != null) {
            throw new IllegalStateException("agent " + agent.agentId() + " already runs");
        }
        String symbol = agent.spec().marketSymbol();
        MarketView view = views.apply(symbol);
        r.future = scheduler.scheduleAtFixedRate(() -> tick(r, symbol, view), offset, period, TimeUnit.NANOSECONDS);
    }

    private void tick(Running r, String symbol, MarketView view) {
        long expected = r.firstNanos + r.ticks++ * r.periodNanos;
        jitter.record(System.nanoTime() - expected);
        try {
            synchronized (r) {
                if (r.stopped) {
                    return;
                }
                r.agent.tick(market.ticker(symbol), view, r.listener);
            }
        } catch (RuntimeException e) {
            String id = r.agent.agent().agentId();
            LOG.warn("agent {} failed", id, e);
            running.remove(id, r);
            r.future.cancel(false);
            r.listener.onFailure(id, "tick failed: " + e.getMessage());
        }
    }

    @Override
    public boolean stop(String agentId) {
        Running r = running.remove(agentId);
        if (r == null) {
            return false;
        }
        r.future.cancel(false);
        // The agent's monitor makes stop wait for a tick in progress, and no tick runs after it.
        synchronized (r) {
            r.stopped = true;
            r.agent.stop(quoteOrNull(r.agent.agent().spec().marketSymbol()), r.listener);
        }
        return true;
    }

    private Ticker quoteOrNull(String symbol) {
        try {
            return market.ticker(symbol);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public Optional<AgentSnapshot> status(String agentId) {
        Running r = running.get(agentId);
        return r == null ? Optional.empty() : Optional.ofNullable(r.agent.lastSnapshot());
    }

    @Override
    public boolean applyPlan(String agentId, String strategyName) {
        Running r = running.get(agentId);
        if (r == null) {
            return false;
        }
        r.agent.useStrategy(strategyName);
        return true;
    }

    @Override
    public TickJitter jitter() {
        return jitter;
    }

    /**
     * Returns the number of running agents.
     *
     * @return the count
     */
    public int runningCount() {
        return running.size();
    }

    @Override
    public void close() {
        running.clear();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
