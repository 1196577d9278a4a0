package io.hfthot.engine.lab;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.lab.api.MarketSymbolsResponse;
import io.hfthot.engine.lab.api.OhlcvRequest;
import io.hfthot.engine.lab.api.OhlcvResponse;
import io.hfthot.engine.lab.api.OrderBookResponse;
import io.hfthot.engine.lab.api.TickerResponse;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.market.MarketDataSource;
import io.hfthot.engine.market.MarketRequests;
import io.hfthot.engine.market.OrderBook;
import io.hfthot.engine.market.Ticker;
import io.hfthot.engine.market.lakehouse.LakehouseMarketData;
import io.hfthot.engine.market.lakehouse.MarketSymbols;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * Seed 000's market-data operations: OHLCV bars from the lakehouse (bounded by the caller's historical depth),
 * the order book, the ticker and the symbol list. Part of {@link LabService}, which builds it over the engine.
 *
 * <p>Thread-safe; every operation validates its input and throws {@link EngineException}.
 */
public final class LabMarket {
    /** The {@code source} value of OHLCV responses: bars come from the HFThot lakehouse. */
    public static final String SOURCE = "hfthot-lakehouse";

    /** Bars before {@code end_time} that the default {@code start_time} reaches back (seed 000). */
    public static final int DEFAULT_BARS_BACK = 1000;

    private final InstantSource clock;
    private final MarketDataSource market;
    private final LakehouseMarketData marketData;
    private final LabSymbols symbols;
    private final CallerDepth depth;

    LabMarket(Engine engine, LabSymbols symbols, CallerDepth depth) {
        this.clock = engine.clock();
        this.market = engine.market();
        this.marketData = engine.marketHistory();
        this.symbols = symbols;
        this.depth = depth;
    }

    /**
     * {@code GET /v1/market/ohlcv}: closed bars of a symbol from the lakehouse, merged with the bars the live
     * market closed since the last append. Defaults: {@code end_time} now, {@code start_time}
     * {@value #DEFAULT_BARS_BACK} bars before it (raised to the tier's earliest allowed time when not given),
     * {@code limit} 500 (max 5000; the most recent bars of the range are returned).
     *
     * @param caller  the authenticated caller (its tier bounds the history)
     * @param request the parameters
     * @return the bars with {@code source} and measured {@code latency_ms}
     * @throws EngineException INVALID_PARAMS (symbol, interval, start_time, end_time, limit) or TIER_REQUIRED
     *                      (start_time before the tier's historical depth)
     */
    public OhlcvResponse ohlcv(Principal caller, OhlcvRequest request) {
        long t0 = System.nanoTime();
        Objects.requireNonNull(caller, "caller");
        if (request == null) {
            throw EngineException.invalid("symbol", "symbol is required");
        }
        String symbol = symbols.require(request.symbol());
        Interval interval = interval(request.interval());
        int limit = request.limit() == null ? MarketRequests.DEFAULT_LIMIT : limit(request.limit());
        Instant nowInstant = clock.instant();
        long now = nowInstant.toEpochMilli();
        if (request.endTime() != null && request.endTime() < 0) {
            throw EngineException.invalid("end_time", "end_time must be a Unix ms timestamp >= 0, got " + request.endTime());
        }
        long end = request.endTime() == null ? now : Math.min(request.endTime(), now);
        long start;
        if (request.startTime() != null) {
            start = request.startTime();
            if (start < 0) {
                throw EngineException.invalid("start_time", "start_time must be a Unix ms timestamp >= 0, got " + start);
            }
            if (request.endTime() != null && request.endTime() < start) {
                throw EngineException.invalid("end_time", "end_time must be >= start_time (" + start + "), got "
                        + request.endTime());
            }
            depth.require(caller, start, nowInstant, "start_time");
        } else {
            start = end - DEFAULT_BARS_BACK * interval.millis();
            long earliest = depth.earliestAllowedMs(caller, nowInstant);
            if (end < earliest) {
                // The whole requested window lies beyond the tier's history: say so rather than answer empty.
                depth.require(caller, end, nowInstant, "end_time");
            }
            start = Math.max(start, earliest);
        }
        List<Bar> bars = end < start ? List.of() : marketData.bars(symbol, interval, start, end, limit);
        double latencyMs = (System.nanoTime() - t0) / 1e6;
        return new OhlcvResponse(symbol, interval.label(), bars, SOURCE, latencyMs);
    }

    /**
     * The order book of a symbol.
     *
     * @param symbol the symbol
     * @param depth  levels per side (1..100), or null for 20
     * @return the book
     * @throws EngineException INVALID_PARAMS (symbol, depth)
     */
    public OrderBookResponse orderBook(String symbol, Integer depth) {
        String s = symbols.live(symbol, "an order book");
        int d = depth == null ? MarketRequests.DEFAULT_DEPTH : MarketRequests.depth(depth);
        OrderBook book = market.orderBook(s, d);
        return new OrderBookResponse(s, d, book.bids(), book.asks(), book.tsMs());
    }

    /**
     * The ticker of a symbol (seed 000's {@code GetTicker}).
     *
     * @param symbol the symbol
     * @return bid, ask, last and time
     * @throws EngineException INVALID_PARAMS (symbol)
     */
    public TickerResponse ticker(String symbol) {
        Ticker t = market.ticker(symbols.live(symbol, "a ticker (bid and ask)"));
        return new TickerResponse(t.symbol(), t.bid(), t.ask(), t.last(), t.tsMs());
    }

    /**
     * {@code GET /v1/market/symbols}: the simulated symbols, then the symbols found only in {@code market.ohlcv}
     * (imported), each with its stored intervals, time range and bar count.
     *
     * @return the symbols
     */
    public MarketSymbolsResponse marketSymbols() {
        return MarketSymbols.list(market.symbols(), marketData.imported());
    }

    private static Interval interval(String interval) {
        if (interval == null) {
            throw EngineException.invalid("interval", "interval is required: one of [1m, 5m, 15m, 1h, 1d]");
        }
        return Interval.parse(interval);
    }

    private static int limit(int limit) {
        return MarketRequests.limit(limit);
    }
}
