package io.hfthot.engine.lab.quant;

import java.util.List;

/**
 * Daily closes of several symbols on their common days.
 *
 * @param symbols the symbols, one column each
 * @param times   Unix ms of each day's bar open, increasing
 * @param closes  {@code days x symbols} closes
 */
public record DailyCloses(List<String> symbols, long[] times, double[][] closes) {
    /** Copies the inputs. */
    public DailyCloses {
        symbols = List.copyOf(symbols);
        times = times.clone();
        double[][] copy = new double[closes.length][];
        for (int i = 0; i < closes.length; i++) {
            copy[i] = closes[i].clone();
        }
        closes = copy;
    }

    /**
     * Returns the number of days.
     *
     * @return the count
     */
    public int days() {
        return times.length;
    }

    @Override
    public long[] times() {
        return times.clone();
    }

    @Override
    public double[][] closes() {
        double[][] copy = new double[closes.length][];
        for (int i = 0; i < closes.length; i++) {
            copy[i] = closes[i].clone();
        }
        return copy;
    }
}
