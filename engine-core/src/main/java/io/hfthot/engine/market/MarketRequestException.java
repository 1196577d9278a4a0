package io.hfthot.engine.market;

/**
 * A market-data request that names an unknown symbol or interval, or a parameter outside its accepted
 * range. The message names the parameter, the offending value and what would be accepted; adapters map
 * this exception to their "invalid parameters" error (HTTP 400 {@code INVALID_PARAMS}, gRPC
 * {@code INVALID_ARGUMENT}) and can report {@link #parameter()} as the field at fault.
 */
public final class MarketRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The request parameter at fault, spelled as on the wire (e.g. {@code depth}). */
    private final String parameter;

    /**
     * Creates the exception.
     *
     * @param parameter the parameter at fault, spelled as on the wire
     * @param message   the full message naming the parameter, the value and what is accepted
     */
    public MarketRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /**
     * Returns the request parameter at fault.
     *
     * @return the parameter name as spelled on the wire, e.g. {@code symbol}, {@code limit}
     */
    public String parameter() {
        return parameter;
    }
}
