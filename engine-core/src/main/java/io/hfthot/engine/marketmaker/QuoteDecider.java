package io.hfthot.engine.marketmaker;

import io.hfthot.quant.marketmaking.FlooredQuotingModel;
import io.hfthot.quant.marketmaking.MarketMakerQuoting;
import io.hfthot.quant.marketmaking.MarketMakerSettings;
import io.hfthot.quant.marketmaking.Quote;
import io.hfthot.quant.marketmaking.QuotingCalibration;
import io.hfthot.quant.marketmaking.QuotingModel;
import io.hfthot.quant.marketmaking.VolState;
import java.util.Objects;

/**
 * From a reference price to the orders the bot wants: the token's fair value ({@link FairValueModel}), the quoting
 * model's bid and ask around it (GLFT or Avellaneda-Stoikov through quant-core's {@link MarketMakerQuoting}, each
 * side at least {@code spread_offset} from the fair value), rounded away from the fair value onto the venue's tick,
 * and sized so that no execution can take the inventory beyond {@code max_position}:
 * {@code bidSize = min(order_size, max_position - inventory)}, {@code askSize = min(order_size, max_position +
 * inventory)}. Thread-safe if the model is (quant-core's are).
 */
public final class QuoteDecider {
    private final FairValueModel fairValue;
    private final QuotingModel model;
    private final QuotingCalibration calibration;
    private final int ticksPerDollar;
    private volatile FlooredQuotingModel floored;

    /**
     * @param fairValue      the token's fair value model
     * @param model          the quoting model
     * @param calibration    volatility per regime, risk aversion, intensities, horizon
     * @param ticksPerDollar {@code 1 / tickSize} of the venue
     */
    public QuoteDecider(FairValueModel fairValue, QuotingModel model, QuotingCalibration calibration,
                        int ticksPerDollar) {
        this.fairValue = Objects.requireNonNull(fairValue, "fairValue");
        this.model = Objects.requireNonNull(model, "model");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        if (ticksPerDollar < 2) {
            throw new IllegalArgumentException("ticksPerDollar must be >= 2, got " + ticksPerDollar);
        }
        this.ticksPerDollar = ticksPerDollar;
        this.floored = new FlooredQuotingModel(model, 0);
    }

    /** @return the fair value model */
    public FairValueModel fairValueModel() {
        return fairValue;
    }

    /**
     * Decides the quotes.
     *
     * @param reference the reference price
     * @param inventory the position in shares
     * @param params    the bot's parameters
     * @param volState  the volatility regime
     * @return the wanted orders
     */
    public QuoteDecision decide(double reference, double inventory, BotParameters params, VolState volState) {
        double fair = fairValue.fairValue(reference);
        MarketMakerSettings settings = new MarketMakerSettings(params.spreadOffset(), params.orderSize(),
                params.maxPosition(), volState);
        FlooredQuotingModel m = floored;
        if (m.minOffset() != params.spreadOffset()) {
            m = new FlooredQuotingModel(model, params.spreadOffset());
            floored = m;
        }
        Quote q = m.quote(MarketMakerQuoting.request(settings, calibration, fair, inventory));
        int bidTick = q.hasBid() ? (int) Math.floor(q.bidPrice() * ticksPerDollar + 1e-9) : 0;
        int askTick = q.hasAsk() ? (int) Math.ceil(q.askPrice() * ticksPerDollar - 1e-9) : ticksPerDollar;
        double bidSize = Math.min(params.orderSize(), Math.floor(params.maxPosition() - inventory));
        double askSize = Math.min(params.orderSize(), Math.floor(params.maxPosition() + inventory));
        // Both sides strictly inside (0, 1): a price rounded onto 0 or 1 is no quote.
        boolean bid = q.hasBid() && bidSize >= 1 && bidTick >= 1 && bidTick <= ticksPerDollar - 1;
        boolean ask = q.hasAsk() && askSize >= 1 && askTick >= 1 && askTick <= ticksPerDollar - 1;
        if (bid && ask && bidTick >= askTick) {
            bid = false;
        }
        return new QuoteDecision(fair, volState, bid ? bidTick / (double) ticksPerDollar : Double.NaN,
                bid ? bidSize : 0, ask ? askTick / (double) ticksPerDollar : Double.NaN, ask ? askSize : 0);
    }
}
