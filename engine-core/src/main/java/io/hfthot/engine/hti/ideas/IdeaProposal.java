package io.hfthot.engine.hti.ideas;

/**
 * What the generator proposes for one instrument and timeframe at one instant.
 *
 * @param side         {@code BUY} or {@code SELL}
 * @param orderType    {@code MARKET}, {@code LIMIT} or {@code STOP}
 * @param prefix       the strategy family
 * @param regime       the regime's wire name
 * @param confidence   the regime's posterior probability
 * @param estimatedPl  expected return in percent of the entry
 * @param price        entry
 * @param takeProfit   take-profit level
 * @param stopLoss     stop-loss level
 * @param horizonBars  bars of the timeframe until expiry
 * @param description  why, in words
 */
public record IdeaProposal(String side, String orderType, String prefix, String regime, double confidence,
                           double estimatedPl, double price, double takeProfit, double stopLoss, int horizonBars,
                           String description) {
}
