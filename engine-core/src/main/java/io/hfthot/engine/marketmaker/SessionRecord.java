package io.hfthot.engine.marketmaker;

/**
 * The bot's session as the journal last recorded it.
 *
 * @param parameters the parameters
 * @param ledger     the accounting
 * @param strike     the strike of the simulated token (its fair value model)
 * @param sequence   the journal row it was read from
 */
public record SessionRecord(BotParameters parameters, LedgerState ledger, double strike, long sequence) {
}
