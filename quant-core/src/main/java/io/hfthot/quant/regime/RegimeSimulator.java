package io.hfthot.quant.regime;

import io.hfthot.quant.InvalidParameterException;
import java.util.SplittableRandom;

/**
 * Simulates close prices that switch between the three regimes, to test regime detection and strategies on
 * data whose true regimes are known. The data are synthetic: use them to check a pipeline, never as evidence
 * about a real market.
 *
 * <p>The regime follows a Markov chain that stays with probability {@code persistence} and otherwise moves to
 * one of the two other regimes with equal probability. Per bar, the log return is: trending,
 * {@code +-trendDrift + trendVolatility * e} (the sign drawn when the trend starts); mean-reverting,
 * {@code -reversionSpeed * (log price - anchor) + reversionVolatility * e} with the anchor the log price at the
 * regime's start; volatile, {@code volatileVolatility * e}; {@code e} standard normal.
 *
 * @param persistence         probability of keeping the regime from one bar to the next, in {@code [0, 1)}
 * @param trendDrift          absolute drift per bar of a trend, {@code >= 0}
 * @param trendVolatility     return volatility in a trend, {@code > 0}
 * @param reversionSpeed      pull towards the anchor per bar, in {@code (0, 1]}
 * @param reversionVolatility return volatility when mean-reverting, {@code > 0}
 * @param volatileVolatility  return volatility in the volatile regime, {@code > 0}
 * @param startPrice          the first close, {@code > 0}
 */
public record RegimeSimulator(double persistence, double trendDrift, double trendVolatility, double reversionSpeed,
                              double reversionVolatility, double volatileVolatility, double startPrice) {
    /** Validates the parameters. */
    public RegimeSimulator {
        if (!(persistence >= 0 && persistence < 1)) {
            throw new InvalidParameterException("persistence", "persistence must be in [0, 1), got " + persistence);
        }
        if (!(trendDrift >= 0) || !Double.isFinite(trendDrift)) {
            throw new InvalidParameterException("trendDrift",
                    "trendDrift must be a finite number >= 0, got " + trendDrift);
        }
        if (!(reversionSpeed > 0 && reversionSpeed <= 1)) {
            throw new InvalidParameterException("reversionSpeed",
                    "reversionSpeed must be in (0, 1], got " + reversionSpeed);
        }
        positive(trendVolatility, "trendVolatility");
        positive(reversionVolatility, "reversionVolatility");
        positive(volatileVolatility, "volatileVolatility");
        positive(startPrice, "startPrice");
    }

    private static void positive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidParameterException(name, name + " must be a finite number > 0, got " + v);
        }
    }

    /**
     * Intraday-like defaults: regimes last 50 bars on average, trends drift 0.1% per bar with 0.2% noise,
     * mean reversion pulls 30% of the gap back per bar with 0.2% noise, the volatile regime has 0.8% noise.
     *
     * @return the default simulator
     */
    public static RegimeSimulator defaults() {
        return new RegimeSimulator(0.98, 0.001, 0.002, 0.3, 0.002, 0.008, 100.0);
    }

    /**
     * A simulated price path with its true regimes.
     *
     * @param closes  the close prices
     * @param regimes the regime in force at each close ({@code regimes[0]} is the starting regime)
     */
    public record Path(double[] closes, Regime[] regimes) {
        /** Copies the arrays in. */
        public Path {
            if (closes == null || regimes == null || closes.length != regimes.length) {
                throw new InvalidParameterException("regimes", "closes and regimes must have the same length");
            }
            closes = closes.clone();
            regimes = regimes.clone();
        }

        /** A copy of the closes. */
        @Override
        public double[] closes() {
            return closes.clone();
        }

        /** A copy of the regimes. */
        @Override
        public Regime[] regimes() {
            return regimes.clone();
        }
    }

    /**
     * Simulates {@code bars} closes.
     *
     * @param bars the number of closes, at least 1
     * @param seed the seed: the same seed gives the same path
     * @return the path
     */
    public Path simulate(int bars, long seed) {
        if (bars < 1) {
            throw new InvalidParameterException("bars", "bars must be >= 1, got " + bars);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Regime[] all = Regime.values();
        double[] closes = new double[bars];
        Regime[] regimes = new Regime[bars];
        Regime regime = all[random.nextInt(3)];
        double logPrice = Math.log(startPrice);
        double anchor = logPrice;
        double direction = random.nextBoolean() ? 1 : -1;
        closes[0] = startPrice;
        regimes[0] = regime;
        for (int t = 1; t < bars; t++) {
            if (random.nextDouble() >= persistence) {
                Regime next = all[(regime.ordinal() + 1 + random.nextInt(2)) % 3];
                regime = next;
                anchor = logPrice;
                direction = random.nextBoolean() ? 1 : -1;
            }
            double e = random.nextGaussian();
            double r = switch (regime) {
                case TRENDING -> direction * trendDrift + trendVolatility * e;
                case MEAN_REVERTING -> -reversionSpeed * (logPrice - anchor) + reversionVolatility * e;
                case VOLATILE -> volatileVolatility * e;
            };
            logPrice += r;
            closes[t] = Math.exp(logPrice);
            regimes[t] = regime;
        }
        return new Path(closes, regimes);
    }
}
