package io.hfthot.benchmarks.marketmaker;

import io.hfthot.engine.marketmaker.BotParameters;
import io.hfthot.engine.marketmaker.FairValueModel;
import io.hfthot.engine.marketmaker.Ledger;
import io.hfthot.engine.marketmaker.LedgerState;
import io.hfthot.engine.marketmaker.MarketMakerBot;
import io.hfthot.engine.marketmaker.QuoteDecider;
import io.hfthot.engine.marketmaker.QuoteDecision;
import io.hfthot.engine.marketmaker.QuotingModelChoice;
import io.hfthot.engine.marketmaker.RealisedVolatility;
import io.hfthot.engine.marketmaker.SimulatedVenue;
import io.hfthot.engine.marketmaker.SimulatedVenueConfig;
import io.hfthot.engine.marketmaker.TickResult;
import io.hfthot.quant.marketmaking.QuotingCalibration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The market maker's reaction to a reference-price update.
 * <ul>
 *   <li>{@link #decision}: a new BTC-USDT price goes into the realised-volatility estimate and the quote decision
 *       (fair value, the quoting model with the spread floor, rounding onto the tick, sizes under the inventory
 *       limit). Peer figure: issue 16's goal, reference-price update to quote decision at most 20 us.</li>
 *   <li>{@link #tick}: a whole bot tick on the simulated venue (poll with the venue's own market simulation, the
 *       decision, order reconciliation and the gas accounting), for scale.</li>
 * </ul>
 * The reference follows a seeded random walk of 0.02% steps, precomputed so no randomness is timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QuoteDecisionBenchmark {

    /** The quoting model. */
    @Param({"GLFT", "AVELLANEDA_STOIKOV"})
    public String model;

    /** Inventory in shares (the limit is 50). */
    @Param({"0", "30"})
    public int inventory;

    private double[] path;
    private int i;
    private long nowMs;
    private QuoteDecider decider;
    private RealisedVolatility volatility;
    private BotParameters params;
    private MarketMakerBot bot;
    private double reference;

    /** Builds the decider, the bot and the reference path. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(16);
        path = new double[1 << 16];
        double p = 42_000;
        for (int k = 0; k < path.length; k++) {
            p *= Math.exp(random.nextGaussian() * 2e-4);
            path[k] = p;
        }
        FairValueModel fair = FairValueModel.struckAt(42_000);
        QuotingModelChoice choice = QuotingModelChoice.valueOf(model);
        decider = new QuoteDecider(fair, choice.create(), QuotingCalibration.defaults(), 1000);
        volatility = RealisedVolatility.defaults();
        params = new BotParameters(0.005, 10, 50, 0, true);
        SimulatedVenue venue = new SimulatedVenue(SimulatedVenueConfig.defaults(16), fair, () -> reference, "bench");
        bot = new MarketMakerBot(venue, new QuoteDecider(fair, choice.create(), QuotingCalibration.defaults(), 1000),
                new Ledger(LedgerState.fresh(1e9, 1e9)), RealisedVolatility.defaults(), params);
    }

    /**
     * Reference update to quote decision (goal: at most 20 us).
     *
     * @return the decision
     */
    @Benchmark
    public QuoteDecision decision() {
        double price = path[i++ & (path.length - 1)];
        nowMs += 100;
        volatility.update(nowMs, price);
        return decider.decide(price, inventory, params, volatility.state());
    }

    /**
     * A whole tick of the bot on the simulated venue, 100 ms of simulated market per tick.
     *
     * @return the tick
     */
    @Benchmark
    public TickResult tick() {
        reference = path[i++ & (path.length - 1)];
        nowMs += 100;
        return bot.step(nowMs, reference);
    }
}
