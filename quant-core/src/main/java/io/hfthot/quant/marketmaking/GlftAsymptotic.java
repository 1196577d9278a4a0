package io.hfthot.quant.marketmaking;

/**
 * The closed-form asymptotic quotes of Gueant, Lehalle and Fernandez-Tapia (2013), "Dealing with the
 * inventory risk: a solution to the market making problem".
 *
 * <p>Far from the horizon and away from the inventory limits, with
 * {@code c = (1 / gamma) ln(1 + gamma / k)} and
 * {@code w = sqrt(sigma^2 gamma / (2 k A) (1 + gamma / k)^(1 + k / gamma))}:
 * {@code bidOffset(q) = c + (2q + 1) w / 2}, {@code askOffset(q) = c - (2q - 1) w / 2}. This is the
 * limit of {@link GlftExact} when {@code T - t} is long and the inventory lattice is fine
 * ({@code sqrt(alpha / eta)} small, see there), in which the ground state of the lattice operator is a
 * Gaussian. The time left is ignored. Stateless and thread-safe.
 */
public final class GlftAsymptotic implements QuotingModel {

    @Override
    public Quote quote(QuoteRequest request) {
        double g = request.riskAversion();
        double k = request.intensityK();
        double base = Math.log1p(g / k) / g;
        double w = skewPerLot(request);
        double q = request.inventory();
        return Quote.around(request, base + (2 * q + 1) * w / 2, base - (2 * q - 1) * w / 2);
    }

    /**
     * The inventory skew per lot, {@code w}.
     *
     * @param request the request
     * @return {@code sqrt(sigma^2 gamma / (2 k A) (1 + gamma / k)^(1 + k / gamma))}
     */
    public static double skewPerLot(QuoteRequest request) {
        double g = request.riskAversion();
        double k = request.intensityK();
        double sigma = request.volatility();
        // (1 + g/k)^(1 + k/g) through log1p: it tends to e as g/k -> 0 without losing digits.
        double power = Math.exp((1 + k / g) * Math.log1p(g / k));
        return Math.sqrt(sigma * sigma * g / (2 * k * request.intensityA()) * power);
    }

    @Override
    public String name() {
        return "glft-asymptotic";
    }
}
