package io.hfthot.engine.market;

import io.hfthot.quant.regime.Regime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulation state of one symbol: latent regime and model components, the bar series of every
 * interval with the aggregation chain feeding them, the tick ring and the current quote. Not
 * thread-safe; {@link SimulatedMarket} serializes access.
 *
 * <p>Why it is slightly over the house's 400 lines: the latent state, the step that advances it and the
 * ground-truth regime path share mutable fields on the simulator's hot path; splitting them would add an
 * indirection per step without making either part simpler.
 */
final class SymbolProcess {
    final SymbolSpec spec;
    private final long seed;
    private final int index;
    private final double sigma;
    private final double beta;
    private final double idiosyncratic;
    private final double priceScale;
    private final double qtyScale;
    private final SplittableRandom stepRandom;
    private final SplittableRandom tickRandom;

    // Latent model state (sigma units for components, natural log for x).
    private int regime;
    private final double[] velocity = new double[RegimeModel.VELOCITY_TAU.length];
    private final double[] deviation = new double[RegimeModel.OU_TAU.length];
    private double x;

    // Ground-truth regime path: change points.
    private long[] regimeTimes = new long[256];
    private byte[] regimeValues = new byte[256];
    private int regimeChanges;

    // Bars of every interval and the chain that aggregates finer into coarser.
    final BarSeries[] series = new BarSeries[Interval.values().length];
    private final OhlcvAggregator[] aggregators = new OhlcvAggregator[Interval.values().length];
    private final OhlcvAggregator tickAggregator;

    // Live tick state: a Brownian bridge from (tCur, xCur) to the minute's end point (minuteEnd, xEnd).
    final TickRing ring;
    private final double arrivalsPerMs;
    private double shift;
    private double nextArrival;
    private double tCur;
    private double xCur;
    private double xEnd;
    private long minuteEnd;
    private double bridgeVarPerMs;

    // Current quote, in integer ticks for exact prices.
    private long bidTicks;
    private long askTicks;
    private double lastPrice;
    private long quoteTs;

    SymbolProcess(SymbolSpec spec, int index, long seed, SplittableRandom stepRandom, SplittableRandom tickRandom,
                  double ticksPerSecond, int tickRetention) {
        this.spec = spec;
        this.index = index;
        this.seed = seed;
        this.sigma = Math.sqrt(RegimeModel.baseVariancePerMinute(spec.annualVolatility()));
        this.beta = spec.factorLoading();
        this.idiosyncratic = Math.sqrt(1 - beta * beta);
        this.priceScale = Math.pow(10, spec.priceDecimals());
        this.qtyScale = Math.pow(10, spec.qtyDecimals());
        this.stepRandom = stepRandom;
        this.tickRandom = tickRandom;
        this.arrivalsPerMs = ticksPerSecond / 1000.0;
        this.ring = new TickRing(spec.symbol(), tickRetention);
        for (Interval interval : Interval.values()) {
            series[interval.ordinal()] = new BarSeries(interval);
        }
        Interval[] intervals = Interval.values();
        for (int i = 1; i < intervals.length; i++) {
            int level = i;
            aggregators[i] = new OhlcvAggregator(intervals[i], spec.qtyDecimals(),
                    (t, o, h, l, c, v) -> acceptBar(level, t, o, h, l, c, v));
        }
        tickAggregator = new OhlcvAggregator(Interval.ONE_MINUTE, spec.qtyDecimals(),
                (t, o, h, l, c, v) -> acceptBar(0, t, o, h, l, c, v));
        // Start in a regime drawn from the long-run occupancy, with stationary component states.
        double[] occupancy = RegimeModel.occupancy();
        double u = stepRandom.nextDouble();
        regime = u < occupancy[0] ? 0 : u < occupancy[0] + occupancy[1] ? 1 : 2;
        enterRegime(regime, stepRandom.nextDouble());
        for (int j = 0; j < deviation.length; j++) {
            deviation[j] = Math.sqrt(RegimeModel.MEAN_REVERTING_SCALE * RegimeModel.OU_VAR[j])
                    * stepRandom.nextGaussian();
        }
    }

    private void enterRegime(int next, double directionDraw) {
        regime = next;
        if (next == 0) {
            int last = velocity.length - 1;
            for (int j = 0; j < last; j++) {
                velocity[j] = Math.sqrt(RegimeModel.VELOCITY_VAR[j]) * stepRandom.nextGaussian();
            }
            velocity[last] = directionDraw < 0.5 ? RegimeModel.TREND_DRIFT : -RegimeModel.TREND_DRIFT;
        }
    }

    private void recordRegime(long t) {
        if (regimeChanges > 0 && regimeValues[regimeChanges - 1] == regime) {
            return;
        }
        if (regimeChanges == regimeTimes.length) {
            regimeTimes = Arrays.copyOf(regimeTimes, regimeChanges * 2);
            regimeValues = Arrays.copyOf(regimeValues, regimeChanges * 2);
        }
        regimeTimes[regimeChanges] = t;
        regimeValues[regimeChanges] = (byte) regime;
        regimeChanges++;
    }

    /** The true regime at a time, or null before the first recorded step. */
    Regime regimeAt(long t) {
        int lo = 0;
        int hi = regimeChanges;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (regimeTimes[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? null : Regime.values()[regimeValues[lo - 1]];
    }

    /**
     * One exact model step starting at {@code t}; returns the log-price increment. {@code common} holds
     * the draws shared by all symbols for this step (see {@link #COMMON_DRAWS}): with probability
     * {@link RegimeModel#REGIME_SYNC} this symbol uses the shared uniforms for its regime chain, so
     * symbols tend to switch together; every Gaussian shock loads on a shared factor with weight
     * {@code beta}. Each uniform and shock stays marginally independent of the past, so the per-symbol
     * dynamics are exactly those of {@link RegimeModel}.
     */
    double step(StepKernel k, double[] common, int offset, long t) {
        boolean sync = stepRandom.nextDouble() < RegimeModel.REGIME_SYNC;
        double stayDraw = sync ? common[offset] : stepRandom.nextDouble();
        if (stayDraw >= k.stay[regime]) {
            double u = sync ? common[offset + 1] : stepRandom.nextDouble();
            double[] jump = RegimeModel.JUMP[regime];
            int next = 0;
            double cumulative = jump[0];
            while (u >= cumulative && next < RegimeModel.REGIMES - 1) {
                next++;
                cumulative += jump[next];
            }
            enterRegime(next, sync ? common[offset + 2] : stepRandom.nextDouble());
        }
        recordRegime(t);
        double r;
        if (regime == 0) {
            r = k.trendDiffusionSd * shock(common, offset);
            for (int j = 0; j < velocity.length; j++) {
                double a = shock(common, offset + VELOCITY_SLOT + j);
                double b = shock(common, offset + VELOCITY_SLOT + RegimeModel.VELOCITY_TAU.length + j);
                r += k.integralFromVelocity[j] * velocity[j] + k.integralFromInnovation[j] * a
                        + k.integralResidualSd[j] * b;
                velocity[j] = k.velocityDecay[j] * velocity[j] + k.velocityInnovationSd[j] * a;
            }
        } else if (regime == 1) {
            r = k.anchorSd * shock(common, offset);
            for (int j = 0; j < deviation.length; j++) {
                double next = k.ouDecay[j] * deviation[j] + k.ouInnovationSd[j] * shock(common, offset + 1 + j);
                r += next - deviation[j];
                deviation[j] = next;
            }
        } else {
            r = k.volatileSd * shock(common, offset);
        }
        r *= sigma;
        // A weak pull towards the starting level keeps decade-long paths at plausible price levels
        // (stationary log-price spread of a few tenths) without touching intraday statistics.
        r -= k.longRunPull * x;
        x += r;
        return r;
    }

    /** A standard normal shock loading {@code beta} on the shared factor at {@code index} (minus the uniforms). */
    private double shock(double[] common, int index) {
        return beta * common[FACTOR_OFFSET + index] + idiosyncratic * stepRandom.nextGaussian();
    }

    /** Shared draws per step: three uniforms for the regime chain, then one factor per shock slot. */
    private static final int FACTOR_OFFSET = 3;
    /** Factor slots: 0 the main shock, 1.. the OU deviations, then velocity innovations and residuals. */
    private static final int VELOCITY_SLOT = 1 + RegimeModel.OU_TAU.length;
    static final int COMMON_DRAWS = FACTOR_OFFSET + VELOCITY_SLOT + 2 * RegimeModel.VELOCITY_TAU.length;

    /** Fills the shared draws of one step at {@code offset}, in a fixed order. */
    static void drawCommon(SplittableRandom random, double[] common, int offset) {
        for (int i = 0; i < FACTOR_OFFSET; i++) {
            common[offset + i] = random.nextDouble();
        }
        for (int i = FACTOR_OFFSET; i < COMMON_DRAWS; i++) {
            common[offset + i] = random.nextGaussian();
        }
    }

    /** Raw (log-space) bars of a directly simulated history layer. */
    static final class RawLayer {
        final Interval interval;
        final long start;
        final int n;
        final double[] open;
        final double[] high;
        final double[] low;
        final double[] close;
        final double[] volume;

        RawLayer(Interval interval, long start, int n) {
            this.interval = interval;
            this.start = start;
            this.n = n;
            open = new double[n];
            high = new double[n];
            low = new double[n];
            close = new double[n];
            volume = new double[n];
        }
    }

    /** Simulates bar {@code i} of a layer: one model step plus a bridge range and a volume draw. */
    void stepBar(StepKernel k, double[] common, int offset, RawLayer layer, int i) {
        long t = layer.start + i * layer.interval.millis();
        double a = x;
        double r = step(k, common, offset, t);
        double b = x;
        double v = sigma * sigma * k.bridgeVar[regime];
        double d = b - a;
        // Maximum and minimum of a Brownian bridge from a to b with variance v (inverse-CDF draws).
        double up = Math.sqrt(d * d - 2 * v * Math.log(1 - stepRandom.nextDouble()));
        double down = Math.sqrt(d * d - 2 * v * Math.log(1 - stepRandom.nextDouble()));
        layer.open[i] = a;
        layer.close[i] = b;
        layer.high[i] = 0.5 * (a + b + up);
        layer.low[i] = 0.5 * (a + b - down);
        double surprise = Math.abs(r) / (sigma * k.stepSd[regime]);
        double noise = Math.exp(k.volumeNoiseSd * stepRandom.nextGaussian() - 0.5 * k.volumeNoiseSd * k.volumeNoiseSd);
        layer.volume[i] = spec.volumePerMinute() * k.dt * RegimeModel.VOLUME_MULTIPLIER[regime]
                * RegimeModel.seasonality(t + layer.interval.millis() / 2) * (0.6 + 0.5 * surprise) * noise;
    }

    double logPrice() {
        return x;
    }

    /** Fixes the log-price offset so that the current log price maps to the reference price. */
    void anchorHere() {
        shift = Math.log(spec.referencePrice()) - x;
    }

    private double price(double logPrice) {
        double ticks = Math.round(Math.exp(logPrice + shift) * priceScale);
        return Math.max(1, ticks) / priceScale;
    }

    private double roundQty(double q) {
        return Math.round(q * qtyScale) / qtyScale;
    }

    /** Converts a raw layer to prices and feeds it into its series and the aggregation chain. */
    void publish(RawLayer layer) {
        int level = layer.interval.ordinal();
        series[level].ensureCapacity(series[level].size() + layer.n);
        for (int i = 0; i < layer.n; i++) {
            long t = layer.start + i * layer.interval.millis();
            acceptBar(level, t, price(layer.open[i]), price(layer.high[i]), price(layer.low[i]),
                    price(layer.close[i]), roundQty(layer.volume[i]));
        }
    }

    private void acceptBar(int level, long t, double o, double h, double l, double c, double v) {
        series[level].append(t, o, h, l, c, v);
        if (level + 1 < aggregators.length) {
            aggregators[level + 1].addBar(t, o, h, l, c, v);
        }
    }

    /** Closes every bar that ends at or before {@code now}, finest first. */
    void closeBars(long now) {
        tickAggregator.closeThrough(now);
        for (int i = 1; i < aggregators.length; i++) {
            aggregators[i].closeThrough(now);
        }
    }

    /** Starts the tick process at {@code t} (minute-aligned) from the current log price. */
    void startTicks(long t) {
        BarSeries minutes = series[Interval.ONE_MINUTE.ordinal()];
        if (minutes.size() > 0) {
            tickAggregator.continueAfter(minutes.lastTime(), minutes.lastClose());
        }
        tCur = t;
        xCur = x;
        minuteEnd = t;
        nextArrival = t + exponential();
        long mid = Math.round(Math.exp(x + shift) * priceScale);
        bidTicks = Math.max(1, mid - 1);
        askTicks = bidTicks + 2;
        lastPrice = mid / priceScale;
        quoteTs = t;
    }

    private double exponential() {
        return -Math.log(1 - tickRandom.nextDouble()) / arrivalsPerMs;
    }

    /** Draws the end point of the next minute with one model step (called in lockstep for all symbols). */
    void beginMinute(StepKernel oneMinute, double[] common) {
        long start = minuteEnd;
        step(oneMinute, common, 0, start);
        xEnd = x;
        minuteEnd = start + 60_000L;
        tCur = start;
        bridgeVarPerMs = sigma * sigma * oneMinute.bridgeVar[regime] / 60_000.0;
    }

    long minuteEnd() {
        return minuteEnd;
    }

    /** Emits every tick of the current minute with a timestamp at or before {@code limit}. */
    void ticksThrough(long limit) {
        double spreadHalf = 0.5e-4 * spec.spreadBps() * RegimeModel.spreadMultiplier(regime);
        double meanQty = spec.volumePerMinute() * RegimeModel.VOLUME_MULTIPLIER[regime] / (arrivalsPerMs * 60_000.0);
        while (nextArrival < minuteEnd && (long) nextArrival <= limit) {
            double t = nextArrival;
            double remaining = minuteEnd - tCur;
            double w = (t - tCur) / remaining;
            double bridgeSd = Math.sqrt(bridgeVarPerMs * (t - tCur) * (minuteEnd - t) / remaining);
            xCur = xCur + w * (xEnd - xCur) + bridgeSd * tickRandom.nextGaussian();
            tCur = t;
            double fair = Math.exp(xCur + shift);
            long bid = Math.max(1, (long) Math.floor(fair * (1 - spreadHalf) * priceScale));
            long ask = Math.max(bid + 1, (long) Math.ceil(fair * (1 + spreadHalf) * priceScale));
            // Order flow is mildly informed: buyers dominate ahead of a rise to the minute's end point.
            double ahead = (xEnd - xCur) / Math.sqrt(bridgeVarPerMs * (minuteEnd - t) + 1e-18);
            boolean buy = tickRandom.nextDouble() < 0.5 + 0.3 * Math.tanh(ahead);
            double q = meanQty * RegimeModel.seasonality((long) t)
                    * Math.exp(0.8 * tickRandom.nextGaussian() - 0.32);
            double qty = Math.max(1, Math.round(q * qtyScale)) / qtyScale;
            long ts = (long) t;
            bidTicks = bid;
            askTicks = ask;
            lastPrice = (buy ? ask : bid) / priceScale;
            quoteTs = ts;
            ring.append(ts, lastPrice, qty, buy);
            tickAggregator.addTrade(ts, lastPrice, qty);
            nextArrival = t + exponential();
        }
    }

    /** Moves the bridge origin to the minute's end once all of its ticks are out. */
    void endMinute() {
        xCur = xEnd;
        tCur = minuteEnd;
    }

    Regime regime() {
        return Regime.values()[regime];
    }

    Ticker ticker() {
        return new Ticker(spec.symbol(), bidTicks / priceScale, askTicks / priceScale, lastPrice, quoteTs);
    }

    /**
     * Builds the book around the current quote. Level gaps and sizes come from a generator seeded by
     * (seed, symbol, sequence), so the book is a pure function of the simulation state: the same at
     * every call until the next tick. Sizes grow away from the touch; gaps widen deeper in the book;
     * the volatile regime has thinner books.
     */
    OrderBook book(int depth) {
        SplittableRandom random = new SplittableRandom(mix(seed ^ mix(index * 0x9E3779B97F4A7C15L + ring.lastSequence())));
        double touchSize = spec.volumePerMinute() / 120.0 * (regime == 2 ? 0.6 : 1.0);
        List<BookLevel> bids = new ArrayList<>(depth);
        List<BookLevel> asks = new ArrayList<>(depth);
        long bidLevel = bidTicks;
        long askLevel = askTicks;
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                bidLevel -= gap(random, i);
                askLevel += gap(random, i);
            }
            if (bidLevel >= 1) {
                bids.add(new BookLevel(bidLevel / priceScale, levelSize(random, touchSize, i)));
            }
            asks.add(new BookLevel(askLevel / priceScale, levelSize(random, touchSize, i)));
        }
        return new OrderBook(spec.symbol(), quoteTs, bids, asks);
    }

    private static long gap(SplittableRandom random, int level) {
        double emptyProbability = Math.min(0.6, level / 60.0);
        long gap = 1;
        while (random.nextDouble() < emptyProbability && gap < 50) {
            gap++;
        }
        return gap;
    }

    private double levelSize(SplittableRandom random, double touchSize, int level) {
        double size = touchSize * (1 + 0.35 * level) * Math.exp(0.5 * random.nextGaussian() - 0.125);
        return Math.max(1, Math.round(size * qtyScale)) / qtyScale;
    }

    /** SplitMix64's finalizer: spreads neighbouring inputs over the whole 64-bit range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
