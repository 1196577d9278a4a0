package io.hfthot.engine.marketmaker;

import io.hfthot.engine.market.BookLevel;
import java.util.List;

/**
 * Seed 003's {@code TradeData} message, one per tick and one per heartbeat; field names become the seed's
 * snake_case names on the wire.
 *
 * @param timestamp           server tick time, ISO 8601 UTC without offset, microseconds
 * @param tokenId             the token's id
 * @param midpoint            the book's mid price
 * @param spread              best ask minus best bid, dollars
 * @param latencyMs           the tick's venue round trips, milliseconds
 * @param feeBps              the venue's taker fee in basis points
 * @param volState            {@code LOW_VOL} or {@code HIGH_VOL}
 * @param binancePrice        the reference spot price (simulated BTC-USDT)
 * @param inventory           the position in shares
 * @param action              what the tick did ({@link TickAction})
 * @param bids                top 3 bid levels
 * @param asks                top 3 ask levels
 * @param virtualPnl          trading profit minus fees minus gas
 * @param sessionVolume       traded notional this session
 * @param totalEquity         cash plus inventory at the mid
 * @param buyingPower         cash not committed to resting orders or short positions
 * @param totalGasSpentUsd    gas spent, dollars
 * @param totalTradesCount    executions
 * @param totalOrderUpdates   order updates (reposts)
 * @param currentMaticBalance MATIC/POL left for gas
 */
public record TradeData(String timestamp, String tokenId, double midpoint, double spread, double latencyMs,
                        int feeBps, String volState, double binancePrice, double inventory, String action,
                        List<BookLevel> bids, List<BookLevel> asks, double virtualPnl, double sessionVolume,
                        double totalEquity, double buyingPower, double totalGasSpentUsd, long totalTradesCount,
                        long totalOrderUpdates, double currentMaticBalance) {
    /** Copies the level lists. */
    public TradeData {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** @return this message without its timing fields (timestamp, latency): what a dashboard sees change */
    TradeData visibleContent() {
        return new TradeData("", tokenId, midpoint, spread, 0, feeBps, volState, binancePrice, inventory, action, bids,
                asks, virtualPnl, sessionVolume, totalEquity, buyingPower, totalGasSpentUsd, totalTradesCount,
                totalOrderUpdates, currentMaticBalance);
    }

    /**
     * The same metrics under another action (the heartbeat).
     *
     * @param newAction the action
     * @param newTimestamp the message time
     * @return the copy
     */
    public TradeData as(TickAction newAction, String newTimestamp) {
        return new TradeData(newTimestamp, tokenId, midpoint, spread, latencyMs, feeBps, volState, binancePrice,
                inventory, newAction.name(), bids, asks, virtualPnl, sessionVolume, totalEquity, buyingPower,
                totalGasSpentUsd, totalTradesCount, totalOrderUpdates, currentMaticBalance);
    }
}
