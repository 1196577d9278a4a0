package io.hfthot.quant.backtest;

import io.hfthot.quant.InvalidParameterException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * Close prices of several symbols on a common bar grid.
 *
 * @param symbols the symbols, one column each, distinct
 * @param times   bar times (e.g. epoch milliseconds), strictly increasing, one per bar (copied)
 * @param closes  {@code T x n} close prices, row = bar, every price finite and &gt; 0, {@code T >= 2} (copied)
 */
public record PriceHistory(List<String> symbols, long[] times, double[][] closes) {

    /** Validates and takes defensive copies. */
    public PriceHistory {
        if (symbols == null || symbols.isEmpty()) {
            throw new InvalidParameterException("symbols", "symbols must contain at least 1 symbol");
        }
        if (new HashSet<>(symbols).size() != symbols.size()) {
            throw new InvalidParameterException("symbols", "symbols must be unique, got " + symbols);
        }
        symbols = Collections.unmodifiableList(new ArrayList<>(symbols));
        int n = symbols.size();
        if (closes == null || closes.length < 2) {
            throw new InvalidParameterException("closes", "closes must have at least 2 bars, got "
                    + (closes == null ? "null" : closes.length));
        }
        if (times == null || times.length != closes.length) {
            throw new InvalidParameterException("times",
                    "times must have one entry per bar (" + closes.length + "), got "
                    + (times == null ? "null" : times.length));
        }
        double[][] copy = new double[closes.length][];
        for (int t = 0; t < closes.length; t++) {
            if (closes[t] == null || closes[t].length != n) {
                throw new InvalidParameterException("closes", "closes row " + t + " must have " + n + " prices, got "
                        + (closes[t] == null ? "null" : closes[t].length));
            }
            for (int i = 0; i < n; i++) {
                double p = closes[t][i];
                if (!(p > 0) || !Double.isFinite(p)) {
                    throw new InvalidParameterException("closes", "closes[" + t + "][" + i + "] (" + symbols.get(i)
                            + ") must be a finite price > 0, got " + p);
                }
            }
            if (t > 0 && times[t] <= times[t - 1]) {
                throw new InvalidParameterException("times",
                        "times must be strictly increasing, but times[" + t + "] = "
                        + times[t] + " follows " + times[t - 1]);
            }
            copy[t] = closes[t].clone();
        }
        times = times.clone();
        closes = copy;
    }

    /** Returns a copy of the bar times. */
    @Override
    public long[] times() {
        return times.clone();
    }

    /** Returns a copy of the close prices. */
    @Override
    public double[][] closes() {
        double[][] c = new double[closes.length][];
        for (int t = 0; t < closes.length; t++) {
            c[t] = closes[t].clone();
        }
        return c;
    }

    /** Returns the number of bars. */
    public int bars() {
        return closes.length;
    }

    double[][] closesRaw() {
        return closes;
    }
}
