package io.hfthot.client.stream;

/** The streams of seed 000's {@code /v1/stream} WebSocket. */
public enum StreamName {
    /** Tick-by-tick trades. */
    PRICE_FEED("price_feed"),
    /** HMM regime changes. */
    REGIME("regime");

    private final String wire;

    StreamName(String wire) {
        this.wire = wire;
    }

    /**
     * Returns the {@code stream} value on the wire.
     *
     * @return e.g. {@code price_feed}
     */
    public String wire() {
        return wire;
    }
}
