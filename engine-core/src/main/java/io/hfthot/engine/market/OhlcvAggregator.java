package io.hfthot.engine.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds bars of one interval from a time-ordered stream of trades or of finer bars, with buckets
 * aligned to the UTC epoch. Bars are continuous: each bar after the first opens at the previous bar's
 * close (and its high and low include that open), which is what makes a bar of any interval equal to
 * the aggregate of the finer bars inside it. A bucket is emitted once it is known to be complete: when an input falls in
 * a later bucket, or when {@link #closeThrough(long)} says time has passed its end. A bucket without
 * input after the first price emits a flat bar at the previous close with zero volume, so the output
 * has no gaps; nothing is emitted before the first input.
 *
 * <p>Input must be in time order at bucket granularity: an input for a bucket already emitted (a late
 * trade after {@link #closeThrough(long)}) is rejected with an {@link IllegalArgumentException}; a feed
 * adapter drops or reroutes such trades.
 *
 * <p>Not thread-safe: one aggregator belongs to one producer.
 */
public final class OhlcvAggregator {
    /** Receives completed bars without allocating a {@link Bar} per bar. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Accepts one completed bar.
         *
         * @param time   the bar's open time (aligned)
         * @param open   open price
         * @param high   high price
         * @param low    low price
         * @param close  close price
         * @param volume volume
         */
        void accept(long time, double open, double high, double low, double close, double volume);
    }

    private final Interval interval;
    private final double volumeScale;
    private final Sink sink;

    private boolean hasPrice;
    private boolean bucketOpen;
    private long bucket;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;

    /**
     * Creates an aggregator.
     *
     * @param interval       the interval of the bars produced
     * @param volumeDecimals decimals to which emitted volumes are rounded (so sums of quantities with that
     *                       many decimals print exactly), or a negative number to keep the raw sum
     * @param sink           receives completed bars in time order
     */
    public OhlcvAggregator(Interval interval, int volumeDecimals, Sink sink) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.volumeScale = volumeDecimals < 0 ? 0 : Math.pow(10, volumeDecimals);
    }

    /**
     * Continues a series produced elsewhere (e.g. stored history): the next bar opens at that series'
     * last close, and empty buckets after it are filled flat. Call before the first input.
     *
     * @param lastBarTime the open time of the series' last bar (aligned to this interval)
     * @param lastClose   that bar's close
     */
    public void continueAfter(long lastBarTime, double lastClose) {
        if (hasPrice) {
            throw new IllegalStateException("continueAfter must precede the first input");
        }
        hasPrice = true;
        bucketOpen = false;
        bucket = interval.bucketStart(lastBarTime);
        close = lastClose;
    }

    /**
     * Adds one trade.
     *
     * @param tsMs  the trade time; must not precede an earlier input's bucket
     * @param price the trade price
     * @param qty   the traded quantity
     */
    public void addTrade(long tsMs, double price, double qty) {
        add(tsMs, price, price, price, price, qty);
    }

    /**
     * Adds one finer bar whose whole span lies inside one bucket of this aggregator's interval.
     *
     * @param time   the finer bar's open time
     * @param open   its open
     * @param high   its high
     * @param low    its low
     * @param close  its close
     * @param volume its volume
     */
    public void addBar(long time, double open, double high, double low, double close, double volume) {
        add(time, open, high, low, close, volume);
    }

    private void add(long time, double o, double h, double l, double c, double v) {
        long target = interval.bucketStart(time);
        // When no bucket is open, 'bucket' is the last emitted one: input for it or earlier is late.
        if (hasPrice && (bucketOpen ? target < bucket : target <= bucket)) {
            throw new IllegalArgumentException("input at " + time + " is late: the " + interval
                    + " bucket " + target + " precedes the current one or is already closed");
        }
        closeBefore(target);
        if (!bucketOpen) {
            bucketOpen = true;
            bucket = target;
            // A bar opens at the previous close (continuous convention), so a coarse bar equals the
            // aggregate of its finer bars even when its first finer bucket had no trade.
            open = hasPrice ? close : o;
            high = Math.max(open, h);
            low = Math.min(open, l);
            volume = v;
        } else {
            high = Math.max(high, h);
            low = Math.min(low, l);
            volume += v;
        }
        close = c;
        hasPrice = true;
    }

    /**
     * Emits every bucket that ends at or before a time, filling empty buckets with flat bars. Call it
     * when the producer knows no input with a timestamp below {@code nowMs} can still arrive.
     *
     * @param nowMs the time up to which input is complete (exclusive)
     */
    public void closeThrough(long nowMs) {
        closeBefore(interval.bucketStart(nowMs));
    }

    /** Emits the open bucket and flat fillers for every bucket strictly before {@code target}. */
    private void closeBefore(long target) {
        if (!hasPrice) {
            return;
        }
        if (!bucketOpen) {
            // Flat fill from the bucket after the last emitted one.
            bucket += interval.millis();
            if (bucket >= target) {
                bucket -= interval.millis();
                return;
            }
            open = close;
            high = close;
            low = close;
            volume = 0;
            bucketOpen = true;
        }
        while (bucketOpen && bucket < target) {
            emit();
            long next = bucket + interval.millis();
            if (next < target) {
                bucket = next;
                open = close;
                high = close;
                low = close;
                volume = 0;
            } else {
                bucketOpen = false;
            }
        }
    }

    private void emit() {
        double v = volumeScale > 0 ? Math.round(volume * volumeScale) / volumeScale : volume;
        sink.accept(bucket, open, high, low, close, v);
    }

    /**
     * Aggregates finer bars into bars of a coarser interval, one output bar per bucket that holds input
     * (no flat filling). Open is the first bar's open, close the last bar's close, high/low the extremes
     * and volume the sum.
     *
     * @param finer  bars in strictly increasing time order, each inside one bucket of {@code target}
     * @param target the output interval
     * @return the aggregated bars in time order
     */
    public static List<Bar> aggregate(List<Bar> finer, Interval target) {
        Objects.requireNonNull(target, "target");
        List<Bar> out = new ArrayList<>();
        int i = 0;
        while (i < finer.size()) {
            Bar first = finer.get(i);
            long bucket = target.bucketStart(first.time());
            double high = first.high();
            double low = first.low();
            double volume = first.volume();
            Bar last = first;
            int j = i + 1;
            while (j < finer.size() && target.bucketStart(finer.get(j).time()) == bucket) {
                Bar bar = finer.get(j);
                if (bar.time() <= last.time()) {
                    throw new IllegalArgumentException("bars must be in strictly increasing time order, got "
                            + bar.time() + " after " + last.time());
                }
                high = Math.max(high, bar.high());
                low = Math.min(low, bar.low());
                volume += bar.volume();
                last = bar;
                j++;
            }
            if (j < finer.size() && finer.get(j).time() <= last.time()) {
                throw new IllegalArgumentException("bars must be in strictly increasing time order, got "
                        + finer.get(j).time() + " after " + last.time());
            }
            out.add(new Bar(bucket, first.open(), high, low, last.close(), volume));
            i = j;
        }
        return out;
    }
}
