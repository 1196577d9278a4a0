package io.hfthot.engine.market;

import java.util.ArrayList;
import java.util.List;

/** The most recent ticks of one symbol in a power-of-two ring indexed by sequence number. Not thread-safe. */
final class TickRing {
    private final String symbol;
    private final int mask;
    private final long[] tsMs;
    private final double[] price;
    private final double[] qty;
    private final boolean[] buy;
    private long last;

    TickRing(String symbol, int capacity) {
        this.symbol = symbol;
        this.mask = capacity - 1;
        this.tsMs = new long[capacity];
        this.price = new double[capacity];
        this.qty = new double[capacity];
        this.buy = new boolean[capacity];
    }

    /** Appends the tick with sequence {@code lastSequence() + 1}. */
    void append(long ts, double p, double q, boolean isBuy) {
        int i = (int) (++last & mask);
        tsMs[i] = ts;
        price[i] = p;
        qty[i] = q;
        buy[i] = isBuy;
    }

    long lastSequence() {
        return last;
    }

    long oldestSequence() {
        return Math.max(1, last - mask);
    }

    /** First sequence to return after {@code after}; beyond {@code last} when nothing is newer. */
    private long firstAfter(long after) {
        return after >= last ? last + 1 : Math.max(after + 1, oldestSequence());
    }

    List<Tick> since(long after, int max) {
        long from = firstAfter(after);
        long to = Math.min(last, from + max - 1);
        List<Tick> out = new ArrayList<>((int) Math.max(0, to - from + 1));
        for (long s = from; s <= to; s++) {
            int i = (int) (s & mask);
            out.add(new Tick(symbol, s, tsMs[i], price[i], qty[i], buy[i] ? Side.BUY : Side.SELL));
        }
        return out;
    }

    TickColumns columnsSince(long after, int max) {
        long from = firstAfter(after);
        long to = Math.min(last, from + max - 1);
        int n = (int) Math.max(0, to - from + 1);
        long[] seq = new long[n];
        long[] ts = new long[n];
        double[] p = new double[n];
        double[] q = new double[n];
        boolean[] b = new boolean[n];
        for (int k = 0; k < n; k++) {
            long s = from + k;
            int i = (int) (s & mask);
            seq[k] = s;
            ts[k] = tsMs[i];
            p[k] = price[i];
            q[k] = qty[i];
            b[k] = buy[i];
        }
        return new TickColumns(symbol, seq, ts, p, q, b);
    }
}
