package io.hfthot.engine.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A batch of consecutive ticks of one symbol as parallel columns, ready for a bulk columnar write (one
 * row per index into the {@code market.ticks} table). Arrays are copied in and out.
 *
 * @param symbol   the trading pair
 * @param sequence per-symbol sequence numbers, consecutive ({@code sequence[i + 1] == sequence[i] + 1})
 * @param tsMs     trade times in Unix milliseconds, non-decreasing
 * @param price    trade prices
 * @param qty      trade quantities
 * @param buy      {@code true} where the buyer was the aggressor
 */
public record TickColumns(String symbol, long[] sequence, long[] tsMs, double[] price, double[] qty,
                          boolean[] buy) {
    /** Validates the column lengths and copies the arrays. */
    public TickColumns {
        Objects.requireNonNull(symbol, "symbol");
        int n = sequence.length;
        if (tsMs.length != n || price.length != n || qty.length != n || buy.length != n) {
            throw new IllegalArgumentException("all columns must have the sequence column's length " + n);
        }
        sequence = sequence.clone();
        tsMs = tsMs.clone();
        price = price.clone();
        qty = qty.clone();
        buy = buy.clone();
    }

    /**
     * Builds the columns of consecutive ticks of one symbol.
     *
     * @param symbol the trading pair
     * @param ticks  the ticks, in sequence order (not modified)
     * @return the columns
     */
    public static TickColumns of(String symbol, List<Tick> ticks) {
        int n = ticks.size();
        long[] sequence = new long[n];
        long[] tsMs = new long[n];
        double[] price = new double[n];
        double[] qty = new double[n];
        boolean[] buy = new boolean[n];
        for (int i = 0; i < n; i++) {
            Tick t = ticks.get(i);
            sequence[i] = t.sequence();
            tsMs[i] = t.tsMs();
            price[i] = t.price();
            qty[i] = t.qty();
            buy[i] = t.side() == Side.BUY;
        }
        return new TickColumns(symbol, sequence, tsMs, price, qty, buy);
    }

    /**
     * Returns the number of ticks.
     *
     * @return the row count
     */
    public int size() {
        return sequence.length;
    }

    /**
     * Returns one row as a {@link Tick}.
     *
     * @param index the row, in {@code [0, size())}
     * @return the tick
     */
    public Tick tick(int index) {
        return new Tick(symbol, sequence[index], tsMs[index], price[index], qty[index],
                buy[index] ? Side.BUY : Side.SELL);
    }

    /**
     * Returns all rows as ticks, in sequence order.
     *
     * @return a new list
     */
    public List<Tick> ticks() {
        List<Tick> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(tick(i));
        }
        return out;
    }

    /**
     * Returns a copy of the sequence column.
     *
     * @return a new array
     */
    @Override
    public long[] sequence() {
        return sequence.clone();
    }

    /**
     * Returns a copy of the timestamp column.
     *
     * @return a new array
     */
    @Override
    public long[] tsMs() {
        return tsMs.clone();
    }

    /**
     * Returns a copy of the price column.
     *
     * @return a new array
     */
    @Override
    public double[] price() {
        return price.clone();
    }

    /**
     * Returns a copy of the quantity column.
     *
     * @return a new array
     */
    @Override
    public double[] qty() {
        return qty.clone();
    }

    /**
     * Returns a copy of the aggressor-side column ({@code true} = buy).
     *
     * @return a new array
     */
    @Override
    public boolean[] buy() {
        return buy.clone();
    }
}
