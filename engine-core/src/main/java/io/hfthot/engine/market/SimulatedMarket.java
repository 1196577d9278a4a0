package io.hfthot.engine.market;

import io.hfthot.engine.EngineException;

import io.hfthot.quant.regime.Regime;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The embedded default {@link MarketDataSource}: a deterministic, regime-switching multi-asset market.
 *
 * <p>At construction it generates the history of {@link HistoryPlan} (coarse layers first, each
 * simulated at its own step by the exact discretization of {@link RegimeModel}), anchors every symbol's
 * path so that the price at the start of the tick history is {@link SymbolSpec#referencePrice()}, and
 * then simulates trade ticks up to the clock's current time. Afterwards every call advances the
 * simulation lazily to {@code clock.millis()}: minute end points are drawn in lockstep for all symbols
 * (a common factor correlates them), ticks arrive as a Poisson process on a Brownian bridge between
 * end points and print at the bid or the ask, and closed minutes roll up into 1m, 5m, 15m, 1h and 1d
 * bars through {@link OhlcvAggregator}.
 *
 * <p>Determinism: every draw comes from generators split off one {@link SplittableRandom} seeded with
 * {@link SimulatedMarketConfig#seed()}, each consumed in a fixed order that does not depend on when or
 * how often the market is queried. So the same seed and the same clock readings give identical ticks,
 * bars, tickers and books.
 *
 * <p>Thread safety: all methods are safe for concurrent use (they serialize on this instance). The clock
 * must not go backwards; an earlier reading is treated as "no time has passed".
 */
public final class SimulatedMarket implements MarketDataSource {
    private static final long DAY = 86_400_000L;

    private final SimulatedMarketConfig config;
    private final InstantSource clock;
    private final List<String> symbols;
    private final Map<String, SymbolProcess> processes = new LinkedHashMap<>();
    private final SymbolProcess[] ordered;
    private final SplittableRandom factorRandom;
    private final StepKernel oneMinute = new StepKernel(1);
    private final double[] common = new double[SymbolProcess.COMMON_DRAWS];
    private final long startedAtMs;
    private final long tickStartMs;
    private long generatedThrough;
    /** End of the minute being simulated: no bar closes before the clock reaches it (see {@link #bars}). */
    private volatile long nextCloseMs;
    private boolean minuteDrawn;

    /**
     * Creates the market and generates its history up to {@code clock.millis()}.
     *
     * @param config the configuration
     * @param clock  the time source; the simulation follows it
     */
    public SimulatedMarket(SimulatedMarketConfig config, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        long now = clock.millis();
        SplittableRandom master = new SplittableRandom(config.seed());
        factorRandom = master.split();
        List<String> names = new ArrayList<>();
        ordered = new SymbolProcess[config.symbols().size()];
        for (int i = 0; i < ordered.length; i++) {
            SymbolSpec spec = config.symbols().get(i);
            ordered[i] = new SymbolProcess(spec, i, config.seed(), master.split(), master.split(),
                    config.ticksPerSecond(), config.tickRetention());
            processes.put(spec.symbol(), ordered[i]);
            names.add(spec.symbol());
        }
        symbols = List.copyOf(names);
        startedAtMs = now;
        HistoryPlan plan = config.history();
        long today = Math.floorDiv(now, DAY) * DAY;
        tickStartMs = Interval.ONE_MINUTE.bucketStart(now) - plan.tickWarmupMinutes() * 60_000L;
        generateHistory(new long[] {
            today - plan.oneDayDays() * DAY,
            today - plan.oneHourDays() * DAY,
            today - plan.fiveMinuteDays() * DAY,
            today - plan.oneMinuteDays() * DAY,
            tickStartMs});
        generatedThrough = tickStartMs - 1;
        advanceTo(now);
    }

    /**
     * Creates a market with the default symbols, rate and history plan.
     *
     * @param seed  the seed
     * @param clock the time source
     * @return the market
     */
    public static SimulatedMarket withDefaults(long seed, InstantSource clock) {
        return new SimulatedMarket(SimulatedMarketConfig.defaults(seed), clock);
    }

    private void generateHistory(long[] bounds) {
        Interval[] layerIntervals = {Interval.ONE_DAY, Interval.ONE_HOUR, Interval.FIVE_MINUTES, Interval.ONE_MINUTE};
        int[] steps = new int[layerIntervals.length];
        double[][] shared = new double[layerIntervals.length][];
        // The draws shared by all symbols come first, in a fixed order; then each symbol's history
        // depends only on them and its own generators, so symbols can be simulated in parallel and the
        // result does not depend on scheduling.
        for (int layer = 0; layer < layerIntervals.length; layer++) {
            steps[layer] = (int) ((bounds[layer + 1] - bounds[layer]) / layerIntervals[layer].millis());
            shared[layer] = new double[steps[layer] * SymbolProcess.COMMON_DRAWS];
            for (int i = 0; i < steps[layer]; i++) {
                SymbolProcess.drawCommon(factorRandom, shared[layer], i * SymbolProcess.COMMON_DRAWS);
            }
        }
        IntStream.range(0, ordered.length).parallel().forEach(s -> {
            SymbolProcess process = ordered[s];
            SymbolProcess.RawLayer[] raw = new SymbolProcess.RawLayer[layerIntervals.length];
            for (int layer = 0; layer < layerIntervals.length; layer++) {
                Interval interval = layerIntervals[layer];
                StepKernel kernel = new StepKernel(interval.millis() / 60_000.0);
                raw[layer] = new SymbolProcess.RawLayer(interval, bounds[layer], steps[layer]);
                for (int i = 0; i < steps[layer]; i++) {
                    process.stepBar(kernel, shared[layer], i * SymbolProcess.COMMON_DRAWS, raw[layer], i);
                }
            }
            process.anchorHere();
            for (SymbolProcess.RawLayer layer : raw) {
                process.publish(layer);
            }
            process.startTicks(tickStartMs);
        });
    }

    /** Simulates every tick with a timestamp at or before {@code now} and closes finished bars. */
    private void advanceTo(long now) {
        if (now <= generatedThrough) {
            return;
        }
        while (true) {
            if (!minuteDrawn) {
                SymbolProcess.drawCommon(factorRandom, common, 0);
                for (SymbolProcess process : ordered) {
                    process.beginMinute(oneMinute, common);
                }
                minuteDrawn = true;
            }
            long end = ordered[0].minuteEnd();
            long limit = Math.min(now, end - 1);
            for (SymbolProcess process : ordered) {
                process.ticksThrough(limit);
            }
            if (now < end) {
                break;
            }
            for (SymbolProcess process : ordered) {
                process.endMinute();
                process.closeBars(end);
            }
            minuteDrawn = false;
        }
        generatedThrough = now;
        nextCloseMs = ordered[0].minuteEnd();
    }

    /**
     * Advances the simulation to the clock's current time. Every query does this implicitly; a live
     * feed driver calls it to produce ticks on its own schedule.
     */
    public synchronized void advance() {
        advanceTo(clock.millis());
    }

    private SymbolProcess process(String symbol) {
        MarketRequests.symbol(symbol, symbols);
        return processes.get(symbol);
    }

    @Override
    public List<String> symbols() {
        return symbols;
    }

    @Override
    public synchronized Ticker ticker(String symbol) {
        SymbolProcess process = process(symbol);
        advanceTo(clock.millis());
        return process.ticker();
    }

    @Override
    public synchronized OrderBook orderBook(String symbol, int depth) {
        SymbolProcess process = process(symbol);
        MarketRequests.depth(depth);
        advanceTo(clock.millis());
        return process.book(depth);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Bars close only when the simulation passes a minute boundary, so while the clock is before the
     * end of the minute being simulated, advancing first would not change any series: the bars are read
     * without the market's lock (the series publish safely). Only a request that finds a boundary passed
     * takes the lock and advances. Concurrent OHLCV reads therefore do not queue behind each other.
     */
    @Override
    public List<Bar> bars(String symbol, Interval interval, long startMs, long endMs, int limit) {
        SymbolProcess process = process(symbol);
        requireInterval(interval);
        MarketRequests.limit(limit);
        MarketRequests.range(startMs, endMs);
        if (clock.millis() >= nextCloseMs) {
            synchronized (this) {
                advanceTo(clock.millis());
            }
        }
        return process.series[interval.ordinal()].range(startMs, endMs, limit);
    }

    @Override
    public synchronized long lastSequence(String symbol) {
        SymbolProcess process = process(symbol);
        advanceTo(clock.millis());
        return process.ring.lastSequence();
    }

    @Override
    public synchronized List<Tick> ticksSince(String symbol, long afterSequence, int maxTicks) {
        SymbolProcess process = process(symbol);
        MarketRequests.maxTicks(maxTicks);
        advanceTo(clock.millis());
        return process.ring.since(afterSequence, maxTicks);
    }

    /**
     * Returns every closed bar with open time in {@code [startMs, endMs]} as columns, for bulk writes
     * (e.g. the whole history into {@code market.ohlcv} at first start, then increments).
     *
     * @param symbol   the trading pair
     * @param interval the interval
     * @param startMs  the earliest open time, inclusive
     * @param endMs    the latest open time, inclusive
     * @return the bars as columns
     * @throws EngineException for an unknown symbol or an end before the start
     */
    @Override
    public synchronized BarColumns barColumns(String symbol, Interval interval, long startMs, long endMs) {
        SymbolProcess process = process(symbol);
        requireInterval(interval);
        MarketRequests.range(startMs, endMs);
        advanceTo(clock.millis());
        return process.series[interval.ordinal()].columns(symbol, startMs, endMs);
    }

    /**
     * Returns retained ticks after a sequence number as columns, for bulk writes into
     * {@code market.ticks}; same semantics as {@link #ticksSince}.
     *
     * @param symbol        the trading pair
     * @param afterSequence the last sequence already written
     * @param maxTicks      the largest batch, in {@code [1, 100000]}
     * @return consecutive ticks as columns
     */
    @Override
    public synchronized TickColumns tickColumns(String symbol, long afterSequence, int maxTicks) {
        SymbolProcess process = process(symbol);
        MarketRequests.maxTicks(maxTicks);
        advanceTo(clock.millis());
        return process.ring.columnsSince(afterSequence, maxTicks);
    }

    /**
     * Returns the hidden regime a symbol is in now (ground truth for scoring regime detectors).
     *
     * @param symbol the trading pair
     * @return the current regime
     */
    public synchronized Regime regime(String symbol) {
        SymbolProcess process = process(symbol);
        advanceTo(clock.millis());
        return process.regime();
    }

    /**
     * Returns the hidden regime a symbol was in at a time. History steps hold one regime for their whole
     * step (a day, an hour, five minutes or a minute, depending on the layer).
     *
     * @param symbol the trading pair
     * @param tsMs   the time in Unix milliseconds
     * @return the regime, or {@code null} before the start of the history
     */
    public synchronized Regime regimeAt(String symbol, long tsMs) {
        SymbolProcess process = process(symbol);
        advanceTo(clock.millis());
        return process.regimeAt(tsMs);
    }

    /**
     * Returns the open time of the oldest bar of an interval, which bounds the history depth a caller
     * can be served.
     *
     * @param symbol   the trading pair
     * @param interval the interval
     * @return the oldest open time, or {@link Long#MAX_VALUE} when there is no bar yet
     */
    public synchronized long oldestBarTime(String symbol, Interval interval) {
        SymbolProcess process = process(symbol);
        requireInterval(interval);
        return process.series[interval.ordinal()].firstTime();
    }

    /**
     * Returns the clock reading at construction.
     *
     * @return Unix milliseconds
     */
    public long startedAtMs() {
        return startedAtMs;
    }

    /**
     * Returns the time of the first simulated tick's minute (the end of the bar-only history).
     *
     * @return Unix milliseconds, minute-aligned
     */
    public long tickStartMs() {
        return tickStartMs;
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration
     */
    public SimulatedMarketConfig config() {
        return config;
    }

    private static void requireInterval(Interval interval) {
        if (interval == null) {
            throw EngineException.invalid("interval", "interval must be one of [1m, 5m, 15m, 1h, 1d], got nothing");
        }
    }
}
