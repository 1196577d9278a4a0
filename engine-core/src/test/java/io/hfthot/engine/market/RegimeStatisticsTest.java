package io.hfthot.engine.market;

import io.hfthot.engine.testkit.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.regime.Regime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The regimes of the simulated market differ in the statistics a regime detector looks at, measured on
 * simulated bars labelled with the simulator's ground truth, and agree with the model's closed forms.
 */
class RegimeStatisticsTest {
    private static final String[] SYMBOLS = {"BTC-USDT", "ETH-USDT", "SOL-USDT"};
    private static SimulatedMarket market;

    @BeforeAll
    static void simulate() {
        // 20 days of 1m, 60 of 5m, 300 of 1h: tens of thousands of labelled bars per interval.
        HistoryPlan plan = new HistoryPlan(20, 60, 300, 400, 30);
        market = new SimulatedMarket(SimulatedMarketConfig.defaults(2024).withHistory(plan),
                TestClock.at("2026-11-21T10:00:00Z"));
    }

    /** Per regime: count, mean of squared log returns, mean of products of consecutive log returns. */
    private static double[][] moments(String symbol, Interval interval, long start, long end) {
        BarColumns bars = market.barColumns(symbol, interval, start, end);
        double[] close = bars.close();
        long[] time = bars.time();
        double[][] sums = new double[3][3];
        for (int i = 2; i < close.length; i++) {
            Regime regime = market.regimeAt(symbol, time[i - 1]);
            // Keep pairs of bars that lie wholly inside one regime episode.
            if (regime != market.regimeAt(symbol, time[i] + interval.millis() - 1)
                    || regime != market.regimeAt(symbol, time[i - 2])) {
                continue;
            }
            double r = Math.log(close[i] / close[i - 1]);
            double previous = Math.log(close[i - 1] / close[i - 2]);
            double[] s = sums[regime.ordinal()];
            s[0]++;
            s[1] += r * r;
            s[2] += r * previous;
        }
        return sums;
    }

    private static long layerStart(Interval interval) {
        return market.oldestBarTime("BTC-USDT", interval);
    }

    @Test
    void regimesDifferInAutocorrelationSignAndVariance() {
        for (String symbol : SYMBOLS) {
            for (Interval interval : new Interval[] {Interval.ONE_MINUTE, Interval.FIVE_MINUTES, Interval.FIFTEEN_MINUTES,
                                                     Interval.ONE_HOUR}) {
                double[][] m = moments(symbol, interval, Long.MIN_VALUE, market.tickStartMs());
                String where = symbol + " " + interval;
                double trending = m[0][2] / m[0][1];
                double meanReverting = m[1][2] / m[1][1];
                double volatileAc = m[2][2] / m[2][1];
                // Signs must be significant (3 standard errors, 1/sqrt(n)), the volatile one insignificant.
                assertTrue(trending > 3 / Math.sqrt(m[0][0]), where + " trending autocorrelation " + trending);
                assertTrue(meanReverting < -3 / Math.sqrt(m[1][0]), where + " mean-reverting autocorrelation "
                        + meanReverting);
                assertTrue(Math.abs(volatileAc) < 4.5 / Math.sqrt(m[2][0]), where + " volatile autocorrelation "
                        + volatileAc + " over " + m[2][0] + " pairs");
                double varTrending = m[0][1] / m[0][0];
                double varMeanReverting = m[1][1] / m[1][0];
                double varVolatile = m[2][1] / m[2][0];
                assertTrue(varVolatile > 2 * varTrending && varVolatile > 2 * varMeanReverting, where + " variances "
                        + varTrending + " " + varMeanReverting + " " + varVolatile);
            }
        }
    }

    @Test
    void measuredMomentsMatchTheClosedFormsAtEveryGranularity() {
        // 1m and 5m bars from the 1m layer, 5m bars simulated directly at a 5m step, 1h bars at a 1h step.
        Object[][] cases = {
            {Interval.ONE_MINUTE, layerStart(Interval.ONE_MINUTE), market.tickStartMs()},
            {Interval.FIVE_MINUTES, layerStart(Interval.ONE_MINUTE), market.tickStartMs()},
            {Interval.FIVE_MINUTES, layerStart(Interval.FIVE_MINUTES), layerStart(Interval.ONE_MINUTE) - 1},
            {Interval.ONE_HOUR, layerStart(Interval.ONE_HOUR), layerStart(Interval.FIVE_MINUTES) - 1},
        };
        for (Object[] c : cases) {
            Interval interval = (Interval) c[0];
            double dt = interval.millis() / 60_000.0;
            double[][] pooled = new double[3][3];
            for (String symbol : SYMBOLS) {
                double sigma2 = RegimeModel.baseVariancePerMinute(annualVolatility(symbol));
                double[][] m = moments(symbol, interval, (long) c[1], (long) c[2]);
                for (int r = 0; r < 3; r++) {
                    pooled[r][0] += m[r][0];
                    pooled[r][1] += m[r][1] / sigma2;
                    pooled[r][2] += m[r][2] / sigma2;
                }
            }
            for (int r = 0; r < 3; r++) {
                String where = interval + " from " + c[1] + " regime " + Regime.values()[r];
                double variance = RegimeModel.stepVariance(r, dt);
                double autocorrelation = RegimeModel.lag1Autocovariance(r, dt) / variance;
                // Sampling error: symbols share factors, so count one symbol's pairs as independent
                // draws; allow about 4.5 standard errors (the test is seeded, so this never flakes).
                double n = pooled[r][0] / SYMBOLS.length;
                assertTrue(n > 300, where + " has only " + n + " pairs per symbol");
                assertEquals(variance, pooled[r][1] / pooled[r][0], Math.max(0.1, 4.5 * Math.sqrt(2 / n)) * variance,
                        where + " variance");
                assertEquals(autocorrelation, pooled[r][2] / pooled[r][1], Math.max(0.03, 4.5 / Math.sqrt(n)),
                        where + " autocorrelation");
            }
        }
    }

    private static double annualVolatility(String symbol) {
        return market.config().symbols().stream().filter(s -> s.symbol().equals(symbol)).findFirst().orElseThrow()
                .annualVolatility();
    }

    @Test
    void rollingFeaturesOfAnHmmSeparateTheRegimes() {
        // The features a Gaussian HMM is fed: rolling (20-bar) lag-1 autocorrelation, efficiency ratio and
        // log variance of 5m returns, labelled with the regime of the window's last bar.
        int window = 20;
        for (String symbol : SYMBOLS) {
            BarColumns bars = market.barColumns(symbol, Interval.FIVE_MINUTES, Long.MIN_VALUE, market.tickStartMs());
            double[] close = bars.close();
            long[] time = bars.time();
            double[][] sums = new double[3][7];
            for (int end = window + 1; end < close.length; end++) {
                Regime regime = market.regimeAt(symbol, time[end]);
                if (regime != market.regimeAt(symbol, time[end - window - 1])) {
                    continue;
                }
                double[] r = new double[window];
                for (int i = 0; i < window; i++) {
                    r[i] = Math.log(close[end - window + i + 1] / close[end - window + i]);
                }
                double mean = 0;
                double path = 0;
                for (double v : r) {
                    mean += v / window;
                    path += Math.abs(v);
                }
                double var = 0;
                double lag = 0;
                for (int i = 0; i < window; i++) {
                    var += (r[i] - mean) * (r[i] - mean);
                    if (i > 0) {
                        lag += (r[i] - mean) * (r[i - 1] - mean);
                    }
                }
                double autocorrelation = lag / var;
                double efficiency = Math.abs(Math.log(close[end] / close[end - window])) / path;
                double logVariance = Math.log(var / window);
                double[] s = sums[regime.ordinal()];
                s[0]++;
                s[1] += autocorrelation;
                s[2] += autocorrelation * autocorrelation;
                s[3] += efficiency;
                s[4] += efficiency * efficiency;
                s[5] += logVariance;
                s[6] += logVariance * logVariance;
            }
            // Separation in pooled standard deviations (a d' of 0.5 and more is what a 2-feature HMM uses).
            assertTrue(separation(sums, 0, 1, 1) > 0.8, symbol + " autocorrelation trending vs mean-reverting "
                    + separation(sums, 0, 1, 1));
            assertTrue(separation(sums, 0, 1, 3) > 0.8, symbol + " efficiency trending vs mean-reverting "
                    + separation(sums, 0, 1, 3));
            assertTrue(separation(sums, 2, 0, 5) > 0.8, symbol + " log variance volatile vs trending "
                    + separation(sums, 2, 0, 5));
            assertTrue(separation(sums, 2, 1, 5) > 1.5, symbol + " log variance volatile vs mean-reverting "
                    + separation(sums, 2, 1, 5));
        }
    }

    /** (mean_a - mean_b) / pooled standard deviation of feature {@code f} (sum at f, sum of squares at f+1). */
    private static double separation(double[][] sums, int a, int b, int f) {
        double meanA = sums[a][f] / sums[a][0];
        double meanB = sums[b][f] / sums[b][0];
        double varA = sums[a][f + 1] / sums[a][0] - meanA * meanA;
        double varB = sums[b][f + 1] / sums[b][0] - meanB * meanB;
        return (meanA - meanB) / Math.sqrt(0.5 * (varA + varB));
    }

    @Test
    void regimesLastHours() {
        long start = layerStart(Interval.ONE_MINUTE);
        long end = market.tickStartMs();
        for (String symbol : SYMBOLS) {
            int changes = 0;
            Regime previous = market.regimeAt(symbol, start);
            for (long t = start; t < end; t += 60_000) {
                Regime regime = market.regimeAt(symbol, t);
                if (regime != previous) {
                    changes++;
                    previous = regime;
                }
            }
            double meanHours = (end - start) / 3_600_000.0 / Math.max(1, changes);
            assertTrue(meanHours > 2 && meanHours < 12, symbol + " mean episode " + meanHours + " h");
        }
    }
}
