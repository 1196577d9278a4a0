package io.hfthot.engine.hub.agents;

import io.hfthot.engine.market.Ticker;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One agent's paper-trading loop: at each tick it reads the quote, enforces the risk limits (stop loss, take
 * profit, daily loss limit), asks its strategy, and fills at the quote (buys at the ask, sells at the bid) for
 * {@link RiskParams#maxPosition()} base units, long only. It reports the state at every tick, each trade, and
 * its log lines in batches of {@value #LOG_BATCH_TICKS} ticks.
 *
 * <p>Accounting: a closed position's profit is {@code quantity * (exit - entry)}; the realised profit is the
 * sum over closed positions. Not thread-safe: a runtime never runs two ticks of one agent at once; the plan
 * may be replaced from another thread (volatile).
 */
public final class PaperAgent {
    /** Ticks per log batch (seed 004: logs every 10 ticks). */
    public static final int LOG_BATCH_TICKS = 10;

    private final AgentRecord agent;
    private final InstantSource clock;
    private final PriceWindow prices = new PriceWindow(Strategies.WINDOW);
    private final List<LogEntry> logs = new ArrayList<>();
    private volatile Strategy strategy;
    private double position;
    private double entryPrice;
    private double realized;
    private long trades;
    private long tick;
    private long day = Long.MIN_VALUE;
    private double realizedAtDayStart;
    private boolean halted;
    private volatile AgentSnapshot last;

    /**
     * Creates the loop, resuming from the journal.
     *
     * @param agent    the agent
     * @param resumed  the position and profit the journal holds for it ({@link Resume#FLAT} for a new agent)
     * @param clock    the time source
     */
    public PaperAgent(AgentRecord agent, Resume resumed, InstantSource clock) {
        this.agent = agent;
        this.clock = clock;
        this.strategy = Strategies.byName(agent.spec().strategyName());
        this.position = resumed.position();
        this.entryPrice = resumed.entryPrice();
        this.realized = resumed.realizedPnl();
        this.trades = resumed.trades();
    }

    /**
     * What the journal says about an agent when it (re)starts.
     *
     * @param position    base units held
     * @param entryPrice  the open position's entry price, 0 when flat
     * @param realizedPnl the sum of closed positions' profits
     * @param trades      trades made so far
     */
    public record Resume(double position, double entryPrice, double realizedPnl, long trades) {
        /** A new agent. */
        public static final Resume FLAT = new Resume(0, 0, 0, 0);
    }

    /** @return the agent */
    public AgentRecord agent() {
        return agent;
    }

    /**
     * Switches the strategy the loop runs (a planner's decision); takes effect at the next tick.
     *
     * @param strategyName one of {@link Strategies#NAMES}
     */
    public void useStrategy(String strategyName) {
        Strategy next = Strategies.byName(strategyName);
        if (next != strategy) {
            strategy = next;
            synchronized (logs) {
                logs.add(new LogEntry(agent.agentId(), clock.instant(), "info", "plan: strategy " + strategyName));
            }
        }
    }

    /** @return the strategy now running */
    public String strategyName() {
        return strategy.name();
    }

    /**
     * Returns the state at the last tick.
     *
     * @return the snapshot, or null before the first tick
     */
    public AgentSnapshot lastSnapshot() {
        return last;
    }

    /**
     * Runs one tick.
     *
     * @param quote  the symbol's quote now
     * @param market the regime and the rest of the market
     * @param out    where to report
     */
    public void tick(Ticker quote, MarketView market, AgentListener out) {
        Instant now = clock.instant();
        tick++;
        double mid = quote.mid();
        prices.add(mid);
        rollDay(now);
        RiskParams risk = agent.spec().risk();
        // A risk exit ends the tick's trading: re-entering on the same quote would undo the exit.
        boolean riskExit = false;
        if (position > 0) {
            if (quote.bid() <= entryPrice * (1 - risk.stopLossPct())) {
                close(quote, "stop_loss", now, out);
                riskExit = true;
            } else if (quote.bid() >= entryPrice * (1 + risk.takeProfitPct())) {
                close(quote, "take_profit", now, out);
                riskExit = true;
            }
        }
        double dayPnl = realized - realizedAtDayStart + unrealized(quote);
        if (!halted && dayPnl <= -risk.dailyLossLimit()) {
            halted = true;
            log(now, "warn", String.format(Locale.ROOT, "daily loss %.2f reached the limit %.2f: no new positions"
                    + " until the next UTC day", -dayPnl, risk.dailyLossLimit()));
            if (position > 0) {
                close(quote, "daily_loss_limit", now, out);
            }
        }
        Signal signal = riskExit ? Signal.HOLD : strategy.decide(prices, position > 0, market);
        if (signal == Signal.ENTER_LONG && position == 0 && !halted) {
            open(quote, now, out);
        } else if (signal == Signal.EXIT && position > 0) {
            close(quote, "signal", now, out);
        }
        last = new AgentSnapshot(agent.agentId(), halted ? "halted" : "running", strategy.name(), position,
                entryPrice, mid, unrealized(quote), realized, trades, tick, now);
        out.onStatus(last);
        if (tick % LOG_BATCH_TICKS == 0) {
            log(now, "info", String.format(Locale.ROOT, "tick %d: mid %.4f, position %s, pnl %.4f", tick, mid,
                    position, realized + unrealized(quote)));
            flushLogs(out);
        }
    }

    /**
     * Ends the loop: closes an open position at the quote (when one is given) and reports the remaining logs.
     *
     * @param quote the quote now, or null when the market cannot be read
     * @param out   where to report
     */
    public void stop(Ticker quote, AgentListener out) {
        Instant now = clock.instant();
        if (position > 0 && quote != null) {
            close(quote, "stop", now, out);
        }
        log(now, "info", "stopped");
        flushLogs(out);
    }

    private void rollDay(Instant now) {
        long today = Math.floorDiv(now.getEpochSecond(), 86_400L);
        if (today != day) {
            day = today;
            realizedAtDayStart = realized;
            halted = false;
        }
    }

    private double unrealized(Ticker quote) {
        return position > 0 ? position * (quote.bid() - entryPrice) : 0;
    }

    private void open(Ticker quote, Instant now, AgentListener out) {
        position = agent.spec().risk().maxPosition();
        entryPrice = quote.ask();
        trades++;
        TradeEvent t = new TradeEvent(agent.agentId() + "-" + trades, agent.agentId(), "open", position, entryPrice, 0,
                "signal", now);
        log(now, "info", String.format(Locale.ROOT, "open %s at %.4f (%s)", position, entryPrice, strategy.name()));
        out.onTrade(t);
    }

    private void close(Ticker quote, String reason, Instant now, AgentListener out) {
        double pnl = position * (quote.bid() - entryPrice);
        realized += pnl;
        trades++;
        TradeEvent t = new TradeEvent(agent.agentId() + "-" + trades, agent.agentId(), "close", position, quote.bid(),
                pnl, reason, now);
        log(now, "info", String.format(Locale.ROOT, "close %s at %.4f (%s), pnl %.4f", position, quote.bid(), reason,
                pnl));
        position = 0;
        entryPrice = 0;
        out.onTrade(t);
    }

    private void log(Instant now, String level, String message) {
        synchronized (logs) {
            logs.add(new LogEntry(agent.agentId(), now, level, message));
        }
    }

    private void flushLogs(AgentListener out) {
        List<LogEntry> batch;
        synchronized (logs) {
            if (logs.isEmpty()) {
                return;
            }
            batch = List.copyOf(logs);
            logs.clear();
        }
        out.onLogs(agent.agentId(), batch);
    }
}
