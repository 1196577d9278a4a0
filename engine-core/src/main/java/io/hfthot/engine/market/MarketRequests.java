package io.hfthot.engine.market;

import io.hfthot.engine.EngineException;

import java.util.Collection;

/**
 * Validation of market-data request parameters shared by every {@link MarketDataSource}
 * implementation and by the adapters, so that each bad parameter is reported with the same message
 * everywhere. Parameter names are spelled as on the wire.
 */
public final class MarketRequests {
    /** Default number of order-book levels per side. */
    public static final int DEFAULT_DEPTH = 20;
    /** Largest number of order-book levels per side. */
    public static final int MAX_DEPTH = 100;
    /** Default number of bars returned. */
    public static final int DEFAULT_LIMIT = 500;
    /** Largest number of bars returned. */
    public static final int MAX_LIMIT = 5000;
    /** Largest number of ticks returned by one pull. */
    public static final int MAX_TICKS = 100_000;

    private MarketRequests() {
    }

    /**
     * Requires a known symbol.
     *
     * @param symbol   the requested symbol
     * @param accepted the symbols the source serves
     * @return the symbol
     * @throws EngineException naming {@code symbol} and listing the accepted symbols
     */
    public static String symbol(String symbol, Collection<String> accepted) {
        if (symbol == null || !accepted.contains(symbol)) {
            throw EngineException.invalid("symbol",
                    "symbol must be one of " + accepted + ", got " + (symbol == null ? "nothing" : "'" + symbol + "'"));
        }
        return symbol;
    }

    /**
     * Requires an order-book depth in {@code [1, MAX_DEPTH]}.
     *
     * @param depth the requested depth
     * @return the depth
     * @throws EngineException naming {@code depth}
     */
    public static int depth(int depth) {
        return inRange(depth, 1, MAX_DEPTH, "depth");
    }

    /**
     * Requires a bar limit in {@code [1, MAX_LIMIT]}.
     *
     * @param limit the requested number of bars
     * @return the limit
     * @throws EngineException naming {@code limit}
     */
    public static int limit(int limit) {
        return inRange(limit, 1, MAX_LIMIT, "limit");
    }

    /**
     * Requires a tick batch size in {@code [1, MAX_TICKS]}.
     *
     * @param maxTicks the requested number of ticks
     * @return the size
     * @throws EngineException naming {@code max_ticks}
     */
    public static int maxTicks(int maxTicks) {
        return inRange(maxTicks, 1, MAX_TICKS, "max_ticks");
    }

    /**
     * Requires a time range whose end is not before its start.
     *
     * @param startMs the range start in Unix milliseconds
     * @param endMs   the range end in Unix milliseconds
     * @throws EngineException naming {@code end_time}
     */
    public static void range(long startMs, long endMs) {
        if (endMs < startMs) {
            throw EngineException.invalid("end_time",
                    "end_time must be >= start_time (" + startMs + "), got " + endMs);
        }
    }

    private static int inRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw EngineException.invalid(name, name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }
}
