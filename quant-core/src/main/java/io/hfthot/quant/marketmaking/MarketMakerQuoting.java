package io.hfthot.quant.marketmaking;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;

/**
 * Maps the market-maker bot's parameters (seed 003) onto a {@link QuotingModel}.
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr><th>bot field</th><th>model input</th></tr>
 * <tr><td>{@code max_position}</td><td>{@code Q = floor(max_position / order_size)} lots</td></tr>
 * <tr><td>{@code order_size}</td><td>lot size: inventory in lots is
 * {@code round(inventory / order_size)}; each quote is for {@code order_size} shares</td></tr>
 * <tr><td>{@code vol_state}</td><td>{@code sigma} = the calibration's LOW_VOL or HIGH_VOL
 * volatility</td></tr>
 * <tr><td>{@code spread_offset}</td><td>spread floor: each quote at least {@code spread_offset}
 * from the mid ({@link FlooredQuotingModel})</td></tr>
 * <tr><td>{@code midpoint}, {@code inventory}</td><td>{@code mid}, inventory</td></tr>
 * </table>
 */
public final class MarketMakerQuoting {
    private MarketMakerQuoting() {
    }

    /**
     * The model request for the bot's current state.
     *
     * @param settings        the bot parameters
     * @param calibration     volatility per regime, risk aversion and intensities
     * @param mid             the current midpoint
     * @param inventoryShares the current position in shares
     * @return the request (inventory rounded to whole lots)
     */
    public static QuoteRequest request(MarketMakerSettings settings, QuotingCalibration calibration, double mid,
            double inventoryShares) {
        if (settings == null || calibration == null) {
            throw new InvalidParameterException("settings", "settings and calibration must not be null");
        }
        Checks.finite(inventoryShares, "inventory");
        double lots = Math.rint(inventoryShares / settings.orderSize());
        int limit = settings.maxLots();
        // Beyond the limit the bot only unwinds; the lattice models price the limit itself.
        lots = Math.max(-limit, Math.min(limit, lots));
        return new QuoteRequest(mid, lots, calibration.sigma(settings.volState()), calibration.horizonSeconds(),
                calibration.riskAversion(), calibration.intensityA(), calibration.intensityK(), limit);
    }

    /**
     * The model with the bot's spread floor.
     *
     * @param base     the quoting model
     * @param settings the bot parameters
     * @return {@code base} floored at {@code spread_offset}
     */
    public static QuotingModel withSpreadFloor(QuotingModel base, MarketMakerSettings settings) {
        return new FlooredQuotingModel(base, settings.spreadOffset());
    }
}
