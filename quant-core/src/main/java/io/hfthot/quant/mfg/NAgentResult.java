package io.hfthot.quant.mfg;

/**
 * The trajectory of a finite crowd following the mean-field feedback control. Arrays are copied in
 * and out.
 *
 * @param nAgents            the number of agents
 * @param seed               the seed of the initial inventories
 * @param times              the time grid, length N + 1
 * @param empiricalMean      the crowd's average inventory at each time
 * @param bandLower          the lower end of the confidence band for the mean,
 *                           {@code mean - z sd / sqrt(n)}
 * @param bandUpper          the upper end of the confidence band
 * @param empiricalPrice     the expected mid price driven by this crowd,
 *                           {@code S0 + alpha (mean(t) - mean(0))}
 * @param meanFieldDistance  {@code max_n |empiricalMean_n - E_n|} against the mean-field solution
 * @param confidenceLevel    the two-sided level of the band (e.g. 0.95)
 */
public record NAgentResult(int nAgents, long seed, double[] times, double[] empiricalMean, double[] bandLower,
        double[] bandUpper, double[] empiricalPrice, double meanFieldDistance, double confidenceLevel) {

    /** Copies the arrays in. */
    public NAgentResult {
        times = times.clone();
        empiricalMean = empiricalMean.clone();
        bandLower = bandLower.clone();
        bandUpper = bandUpper.clone();
        empiricalPrice = empiricalPrice.clone();
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] empiricalMean() {
        return empiricalMean.clone();
    }

    @Override
    public double[] bandLower() {
        return bandLower.clone();
    }

    @Override
    public double[] bandUpper() {
        return bandUpper.clone();
    }

    @Override
    public double[] empiricalPrice() {
        return empiricalPrice.clone();
    }
}
