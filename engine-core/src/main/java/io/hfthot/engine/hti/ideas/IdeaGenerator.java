package io.hfthot.engine.hti.ideas;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a regime reading and recent closes into a trade idea, or none. Pure and deterministic.
 *
 * <p>Inputs at one instant: the closes of the last closed bars of a timeframe (oldest first), the last traded
 * price, the most probable HMM regime of the instrument and its posterior probability. With {@code sigma} the
 * sample standard deviation of the last {@value #VOL_BARS} one-bar log returns, {@code m} the log return over
 * the last {@value #MOMENTUM_BARS} bars and {@code z = ln(close / SMA20) / sigma}:
 * <ul>
 *   <li>{@code trending}: {@code TREND}, a {@code MARKET} order in the direction of {@code m} at the last price,
 *       when {@code |m| >= 0.5 sigma sqrt(10)} (a move of half its typical size at least).</li>
 *   <li>{@code mean_reverting}: {@code REVERSION}, a {@code LIMIT} order against the deviation when
 *       {@code |z| >= 1}, placed {@code 0.25 sigma} better than the last price.</li>
 *   <li>{@code volatile}: {@code BREAKOUT}, a {@code STOP} order in the direction of {@code m},
 *       {@code 0.5 sigma} beyond the last price.</li>
 * </ul>
 * Levels come from volatility over the horizon {@code H =} {@value #HORIZON_BARS} bars,
 * {@code sH = sigma sqrt(H)}: take-profit at {@code entry exp(+-}{@value #TP_SIGMAS}{@code sH)}, stop-loss at
 * {@code entry exp(-+}{@value #SL_SIGMAS}{@code sH)} (signs for a buy, reversed for a sell), so that
 * {@code ln(TP/entry) = 2 ln(entry/SL)}. The confidence is the posterior {@code p}; ideas with
 * {@code p <} {@value #MIN_CONFIDENCE} are not proposed. The estimated P/L reads {@code p} as the probability
 * of reaching the take-profit before the stop-loss: {@code 100 (p tp% - (1 - p) sl%)} in percent of the entry.
 * Prices are rounded to 7 significant digits, percentages to 4 decimals.
 */
public final class IdeaGenerator {
    /** Returns used for the volatility. */
    public static final int VOL_BARS = 20;
    /** Bars of the momentum. */
    public static final int MOMENTUM_BARS = 10;
    /** Bars until an idea expires. */
    public static final int HORIZON_BARS = 12;
    /** Take-profit distance in horizon standard deviations. */
    public static final double TP_SIGMAS = 2.0;
    /** Stop-loss distance in horizon standard deviations. */
    public static final double SL_SIGMAS = 1.0;
    /** The smallest posterior an idea is drawn from. */
    public static final double MIN_CONFIDENCE = 0.5;
    /** Closes needed: the returns, plus one. */
    public static final int MIN_CLOSES = VOL_BARS + 1;

    private static final MathContext PRICE_DIGITS = new MathContext(7);

    private IdeaGenerator() {
    }

    /**
     * Proposes an idea.
     *
     * @param closes     closes of the last closed bars, oldest first (at least {@value #MIN_CLOSES}; not modified)
     * @param lastPrice  the last traded price, &gt; 0
     * @param regime     the regime's wire name ({@code trending}, {@code mean_reverting}, {@code volatile})
     * @param confidence its posterior probability
     * @return the proposal, or empty when the rules above give none
     */
    public static Optional<IdeaProposal> propose(double[] closes, double lastPrice, String regime, double confidence) {
        if (closes.length < MIN_CLOSES || !(lastPrice > 0) || !(confidence >= MIN_CONFIDENCE)) {
            return Optional.empty();
        }
        double sigma = volatility(closes, VOL_BARS);
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            return Optional.empty();
        }
        int n = closes.length;
        double momentum = Math.log(closes[n - 1] / closes[n - 1 - MOMENTUM_BARS]);
        double sma = 0;
        for (int i = n - VOL_BARS; i < n; i++) {
            sma += closes[i];
        }
        sma /= VOL_BARS;
        double z = Math.log(closes[n - 1] / sma) / sigma;
        String side;
        String orderType;
        String prefix;
        double entryShift;
        String why;
        switch (regime) {
            case "trending" -> {
                if (Math.abs(momentum) < 0.5 * sigma * Math.sqrt(MOMENTUM_BARS)) {
                    return Optional.empty();
                }
                side = momentum > 0 ? TradeIdea.BUY : TradeIdea.SELL;
                orderType = "MARKET";
                prefix = "TREND";
                entryShift = 0;
                why = String.format(Locale.ROOT, "Trending regime (posterior %.2f): %+.2f%% over %d bars; follow it.",
                        confidence, 100 * momentum, MOMENTUM_BARS);
            }
            case "mean_reverting" -> {
                if (Math.abs(z) < 1) {
                    return Optional.empty();
                }
                side = z > 0 ? TradeIdea.SELL : TradeIdea.BUY;
                orderType = "LIMIT";
                prefix = "REVERSION";
                entryShift = -0.25 * sigma;
                why = String.format(Locale.ROOT, "Mean-reverting regime (posterior %.2f): close %.2f sigma %s its"
                        + " 20-bar mean; fade it with a limit order.", confidence, Math.abs(z), z > 0 ? "above" : "below");
            }
            case "volatile" -> {
                if (momentum == 0) {
                    return Optional.empty();
                }
                side = momentum > 0 ? TradeIdea.BUY : TradeIdea.SELL;
                orderType = "STOP";
                prefix = "BREAKOUT";
                entryShift = 0.5 * sigma;
                why = String.format(Locale.ROOT, "Volatile regime (posterior %.2f): enter only on a breakout %s"
                        + " with a stop order.", confidence, momentum > 0 ? "upwards" : "downwards");
            }
            default -> {
                return Optional.empty();
            }
        }
        double dir = TradeIdea.BUY.equals(side) ? 1 : -1;
        double entry = lastPrice * Math.exp(dir * entryShift);
        double horizon = sigma * Math.sqrt(HORIZON_BARS);
        double takeProfit = entry * Math.exp(dir * TP_SIGMAS * horizon);
        double stopLoss = entry * Math.exp(-dir * SL_SIGMAS * horizon);
        double e = price(entry);
        double tp = price(takeProfit);
        double sl = price(stopLoss);
        if (dir > 0 ? !(sl < e && e < tp) : !(tp < e && e < sl)) {
            // Volatility below the 7-digit rounding: the levels would collapse onto the entry.
            return Optional.empty();
        }
        return Optional.of(new IdeaProposal(side, orderType, prefix, regime, round4(confidence),
                estimatedPl(confidence, e, tp, sl), e, tp, sl, HORIZON_BARS, why));
    }

    /**
     * The estimated P/L in percent of the entry.
     *
     * @param p          probability of reaching the take-profit first
     * @param entry      entry price
     * @param takeProfit take-profit level
     * @param stopLoss   stop-loss level
     * @return {@code 100 (p |tp - entry| - (1 - p) |entry - sl|) / entry}, rounded to 4 decimals
     */
    public static double estimatedPl(double p, double entry, double takeProfit, double stopLoss) {
        return round4(100 * (p * Math.abs(takeProfit - entry) - (1 - p) * Math.abs(entry - stopLoss)) / entry);
    }

    /**
     * Sample standard deviation of the last {@code count} one-bar log returns.
     *
     * @param closes closes, oldest first (not modified)
     * @param count  returns, at most {@code closes.length - 1}
     * @return the volatility per bar
     */
    static double volatility(double[] closes, int count) {
        int n = closes.length;
        double mean = 0;
        for (int i = n - count; i < n; i++) {
            mean += Math.log(closes[i] / closes[i - 1]);
        }
        mean /= count;
        double ss = 0;
        for (int i = n - count; i < n; i++) {
            double d = Math.log(closes[i] / closes[i - 1]) - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (count - 1));
    }

    static double price(double value) {
        return new BigDecimal(value).round(PRICE_DIGITS).doubleValue();
    }

    static double round4(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
