package io.hfthot.quant.marketmaking;

/**
 * Avellaneda and Stoikov (2008), "High-frequency trading in a limit order book".
 *
 * <p>Reservation price {@code r = s - q gamma sigma^2 (T - t)} and optimal total spread
 * {@code gamma sigma^2 (T - t) + (2 / gamma) ln(1 + gamma / k)}, placed symmetrically around r. Hence
 * {@code bidOffset = spread / 2 + q gamma sigma^2 (T - t)} and
 * {@code askOffset = spread / 2 - q gamma sigma^2 (T - t)}. These are the paper's first-order
 * (in q) approximations; the intensity level A does not enter, so the model's own request type
 * {@link AvellanedaStoikovRequest} has no A. Stateless and thread-safe.
 */
public final class AvellanedaStoikov implements QuotingModel {

    /** Quotes from a general request, ignoring its {@code intensityA}. */
    @Override
    public Quote quote(QuoteRequest request) {
        return quote(AvellanedaStoikovRequest.of(request));
    }

    /**
     * Quotes one bid and one ask.
     *
     * @param request the market state and the model's parameters
     * @return the quote; a side beyond the inventory limit (if any) is missing with its reason
     */
    public Quote quote(AvellanedaStoikovRequest request) {
        double risk = request.riskAversion() * request.volatility() * request.volatility() * request.timeLeft();
        double half = 0.5 * (risk + 2 / request.riskAversion()
                * Math.log1p(request.riskAversion() / request.intensityK()));
        double skew = request.inventory() * risk;
        return Quote.around(request.mid(), request.inventory(), request.maxInventory(), half + skew, half - skew);
    }

    /**
     * The reservation (indifference) price {@code s - q gamma sigma^2 (T - t)}.
     *
     * @param request the request
     * @return the reservation price
     */
    public static double reservationPrice(AvellanedaStoikovRequest request) {
        return request.mid() - request.inventory() * request.riskAversion() * request.volatility()
                * request.volatility() * request.timeLeft();
    }

    /**
     * The optimal total spread {@code gamma sigma^2 (T - t) + (2 / gamma) ln(1 + gamma / k)}.
     *
     * @param request the request
     * @return the spread
     */
    public static double optimalSpread(AvellanedaStoikovRequest request) {
        double g = request.riskAversion();
        return g * request.volatility() * request.volatility() * request.timeLeft()
                + 2 / g * Math.log1p(g / request.intensityK());
    }

    @Override
    public String name() {
        return "avellaneda-stoikov";
    }
}
