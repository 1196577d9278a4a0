package io.hfthot.quant.marketmaking;

/**
 * A two-sided quote. Offsets are distances from the mid (positive = away from the mid, so
 * {@code bidPrice = mid - bidOffset}, {@code askPrice = mid + askOffset}). A side that must not be
 * quoted (the inventory limit) has {@code hasBid}/{@code hasAsk} false and NaN offset and price.
 *
 * @param bidOffset distance of the bid below the mid
 * @param askOffset distance of the ask above the mid
 * @param bidPrice  the bid price
 * @param askPrice  the ask price
 * @param hasBid    whether a bid is quoted
 * @param hasAsk    whether an ask is quoted
 */
public record Quote(double bidOffset, double askOffset, double bidPrice, double askPrice, boolean hasBid,
        boolean hasAsk) {

    /** Checks that quoted sides are finite and that their prices match their offsets' sign. */
    public Quote {
        if (hasBid && !(Double.isFinite(bidOffset) && Double.isFinite(bidPrice))) {
            throw new IllegalArgumentException("a quoted bid needs a finite offset and price, got " + bidOffset
                    + " and " + bidPrice);
        }
        if (hasAsk && !(Double.isFinite(askOffset) && Double.isFinite(askPrice))) {
            throw new IllegalArgumentException("a quoted ask needs a finite offset and price, got " + askOffset
                    + " and " + askPrice);
        }
    }

    /**
     * Builds a quote around a mid, dropping the sides the request does not allow.
     *
     * @param request   the request (mid and inventory limit)
     * @param bidOffset the bid distance from the mid
     * @param askOffset the ask distance from the mid
     * @return the quote
     */
    public static Quote around(QuoteRequest request, double bidOffset, double askOffset) {
        boolean bid = request.bidAllowed();
        boolean ask = request.askAllowed();
        double mid = request.mid();
        return new Quote(bid ? bidOffset : Double.NaN, ask ? askOffset : Double.NaN,
                bid ? mid - bidOffset : Double.NaN, ask ? mid + askOffset : Double.NaN, bid, ask);
    }

    /** The quoted spread {@code askPrice - bidPrice}, NaN when a side is missing. */
    public double spread() {
        return hasBid && hasAsk ? askPrice - bidPrice : Double.NaN;
    }
}
