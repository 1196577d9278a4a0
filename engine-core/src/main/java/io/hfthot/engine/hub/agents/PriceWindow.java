package io.hfthot.engine.hub.agents;

/**
 * The last {@code capacity} prices an agent observed, oldest first, in a ring that allocates nothing per tick.
 * Not thread-safe: one agent's ticks never overlap.
 */
public final class PriceWindow {
    private final double[] ring;
    private int start;
    private int size;

    /**
     * Creates an empty window.
     *
     * @param capacity the number of prices kept, at least 2
     */
    public PriceWindow(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be >= 2, got " + capacity);
        }
        ring = new double[capacity];
    }

    /**
     * Adds the newest price, dropping the oldest when full.
     *
     * @param price a finite positive price
     */
    public void add(double price) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price must be finite and positive, got " + price);
        }
        if (size < ring.length) {
            ring[(start + size++) % ring.length] = price;
        } else {
            ring[start] = price;
            start = (start + 1) % ring.length;
        }
    }

    /** @return the number of prices held */
    public int size() {
        return size;
    }

    /**
     * Returns a price by age.
     *
     * @param back 0 for the newest, 1 for the one before, ...
     * @return the price
     */
    public double back(int back) {
        if (back < 0 || back >= size) {
            throw new IndexOutOfBoundsException("back must be in [0, " + size + "), got " + back);
        }
        return ring[(start + size - 1 - back) % ring.length];
    }

    /**
     * Returns the highest of the {@code n} prices before the newest.
     *
     * @param n how many, at most {@code size() - 1}
     * @return the maximum
     */
    public double maxBefore(int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 1; i <= n; i++) {
            m = Math.max(m, back(i));
        }
        return m;
    }

    /**
     * Returns the lowest of the {@code n} prices before the newest.
     *
     * @param n how many, at most {@code size() - 1}
     * @return the minimum
     */
    public double minBefore(int n) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= n; i++) {
            m = Math.min(m, back(i));
        }
        return m;
    }

    /**
     * Returns the mean of the newest {@code n} prices.
     *
     * @param n how many, at most {@code size()}
     * @return the mean
     */
    public double mean(int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += back(i);
        }
        return s / n;
    }

    /**
     * Returns the sample standard deviation of the newest {@code n} prices (two-pass, for accuracy).
     *
     * @param n how many, in {@code [2, size()]}
     * @return the standard deviation
     */
    public double stdDev(int n) {
        double mean = mean(n);
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = back(i) - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1));
    }
}
