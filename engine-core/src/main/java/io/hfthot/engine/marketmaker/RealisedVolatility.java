package io.hfthot.engine.marketmaker;

import io.hfthot.quant.marketmaking.VolState;

/**
 * Classifies the reference price's realised volatility as {@code LOW_VOL} or {@code HIGH_VOL}: two exponentially
 * weighted averages of the squared log return per second, a short one (half-life {@code shortSeconds}) and a
 * long one (half-life {@code longSeconds}); HIGH_VOL when the short volatility exceeds {@code ratio} times the
 * long one. LOW_VOL until {@code shortSeconds} of data have been seen. Allocation-free; not thread-safe.
 */
public final class RealisedVolatility {
    private final double shortTau;
    private final double longTau;
    private final double ratioSquared;
    private final double warmupMs;
    private long firstMs = Long.MIN_VALUE;
    private long lastMs;
    private double lastLog;
    private double shortVar;
    private double longVar;

    /**
     * @param shortSeconds half-life of the short average, {@code > 0}
     * @param longSeconds  half-life of the long average, {@code > shortSeconds}
     * @param ratio        volatility ratio over which the state is HIGH_VOL, {@code > 1}
     */
    public RealisedVolatility(double shortSeconds, double longSeconds, double ratio) {
        if (!(shortSeconds > 0) || !(longSeconds > shortSeconds) || !(ratio > 1)) {
            throw new IllegalArgumentException("need 0 < shortSeconds < longSeconds and ratio > 1, got " + shortSeconds
                    + ", " + longSeconds + ", " + ratio);
        }
        this.shortTau = shortSeconds / Math.log(2);
        this.longTau = longSeconds / Math.log(2);
        this.ratioSquared = ratio * ratio;
        this.warmupMs = shortSeconds * 1000;
    }

    /** @return half-lives of 30 s and 30 min, HIGH_VOL above 1.5 times the long volatility */
    public static RealisedVolatility defaults() {
        return new RealisedVolatility(30, 1800, 1.5);
    }

    /**
     * Adds an observation; one at the same or an earlier time than the previous one is ignored.
     *
     * @param tsMs  the time, Unix milliseconds
     * @param price the price, {@code > 0}
     */
    public void update(long tsMs, double price) {
        if (!(price > 0) || !Double.isFinite(price)) {
            return;
        }
        double log = Math.log(price);
        if (firstMs == Long.MIN_VALUE) {
            firstMs = tsMs;
            lastMs = tsMs;
            lastLog = log;
            return;
        }
        if (tsMs <= lastMs) {
            return;
        }
        double dt = (tsMs - lastMs) / 1000.0;
        double r = log - lastLog;
        double perSecond = r * r / dt;
        double ws = -Math.expm1(-dt / shortTau);
        double wl = -Math.expm1(-dt / longTau);
        shortVar += ws * (perSecond - shortVar);
        longVar += wl * (perSecond - longVar);
        lastMs = tsMs;
        lastLog = log;
    }

    /** @return the short-window volatility of log returns per sqrt(second) */
    public double shortVolatility() {
        return Math.sqrt(shortVar);
    }

    /** @return the long-window volatility of log returns per sqrt(second) */
    public double longVolatility() {
        return Math.sqrt(longVar);
    }

    /** @return the current state */
    public VolState state() {
        if (firstMs == Long.MIN_VALUE || lastMs - firstMs < warmupMs || longVar <= 0) {
            return VolState.LOW_VOL;
        }
        return shortVar > ratioSquared * longVar ? VolState.HIGH_VOL : VolState.LOW_VOL;
    }
}
