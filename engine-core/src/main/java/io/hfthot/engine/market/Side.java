package io.hfthot.engine.market;

/** The aggressor side of a trade: a buy lifts the ask, a sell hits the bid. */
public enum Side {
    /** The buyer was the aggressor; the trade printed at the ask. */
    BUY("buy"),
    /** The seller was the aggressor; the trade printed at the bid. */
    SELL("sell");

    private final String wire;

    Side(String wire) {
        this.wire = wire;
    }

    /**
     * Returns the wire spelling used by the price feed.
     *
     * @return {@code buy} or {@code sell}
     */
    public String wire() {
        return wire;
    }
}
