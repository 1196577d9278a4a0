package io.hfthot.quant.marketmaking;

import io.hfthot.quant.InvalidParameterException;

/**
 * A two-sided quote. Offsets are distances from the mid (positive = away from the mid, so
 * {@code bidPrice = mid - bidOffset}, {@code askPrice = mid + askOffset}). A side that must not be
 * quoted (the inventory limit) has {@code hasBid}/{@code hasAsk} false, NaN offset and price, and a
 * reason saying why (it never just vanishes).
 *
 * @param bidOffset     distance of the bid below the mid
 * @param askOffset     distance of the ask above the mid
 * @param bidPrice      the bid price
 * @param askPrice      the ask price
 * @param hasBid        whether a bid is quoted
 * @param hasAsk        whether an ask is quoted
 * @param noBidReason   why there is no bid (e.g. {@code "inventory limit reached: ..."}); empty when quoted
 * @param noAskReason   why there is no ask; empty when quoted
 */
public record Quote(double bidOffset, double askOffset, double bidPrice, double askPrice, boolean hasBid,
        boolean hasAsk, String noBidReason, String noAskReason) {

    /** Checks that quoted sides are finite and that a missing side has a reason. */
    public Quote {
        if (noBidReason == null || noAskReason == null) {
            throw new InvalidParameterException("noBidReason",
                    "noBidReason and noAskReason must not be null (empty when quoted)");
        }
        if (hasBid == !noBidReason.isEmpty() || hasAsk == !noAskReason.isEmpty()) {
            throw new InvalidParameterException("noBidReason",
                    "a side has a reason exactly when it is not quoted, got hasBid="
                    + hasBid + " (" + noBidReason + "), hasAsk=" + hasAsk + " (" + noAskReason + ")");
        }
        if (hasBid && !(Double.isFinite(bidOffset) && Double.isFinite(bidPrice))) {
            throw new InvalidParameterException("bidOffset",
                    "a quoted bid needs a finite offset and price, got " + bidOffset
                    + " and " + bidPrice);
        }
        if (hasAsk && !(Double.isFinite(askOffset) && Double.isFinite(askPrice))) {
            throw new InvalidParameterException("askOffset",
                    "a quoted ask needs a finite offset and price, got " + askOffset
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
        return around(request.mid(), request.inventory(), request.maxInventory(), bidOffset, askOffset);
    }

    /**
     * Builds a quote around a mid, dropping (with a reason) the sides the inventory limit does not allow: no bid
     * when buying one more lot would exceed {@code maxInventory}, no ask when selling one would go below
     * {@code -maxInventory}.
     *
     * @param mid          the mid price
     * @param inventory    the inventory in lots
     * @param maxInventory the limit in lots ({@link Integer#MAX_VALUE} for none)
     * @param bidOffset    the bid distance from the mid
     * @param askOffset    the ask distance from the mid
     * @return the quote
     */
    public static Quote around(double mid, double inventory, int maxInventory, double bidOffset, double askOffset) {
        boolean bid = inventory + 1 <= maxInventory + 1e-9;
        boolean ask = inventory - 1 >= -maxInventory - 1e-9;
        String noBid = bid ? "" : "inventory limit reached: inventory " + inventory + " + 1 lot would exceed the limit "
                + maxInventory;
        String noAsk = ask ? "" : "inventory limit reached: inventory " + inventory + " - 1 lot would go below -"
                + maxInventory;
        return new Quote(bid ? bidOffset : Double.NaN, ask ? askOffset : Double.NaN,
                bid ? mid - bidOffset : Double.NaN, ask ? mid + askOffset : Double.NaN, bid, ask, noBid, noAsk);
    }

    /** The quoted spread {@code askPrice - bidPrice}, NaN when a side is missing. */
    public double spread() {
        return hasBid && hasAsk ? askPrice - bidPrice : Double.NaN;
    }
}
