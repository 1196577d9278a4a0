package io.hfthot.engine.marketmaker;

import java.util.List;

/**
 * What one {@link MarketMakerBot#step} did.
 *
 * @param action    the tick's action
 * @param fills     the executions booked in this tick
 * @param placed    orders placed in this tick
 * @param updated   orders updated in this tick
 * @param cancelled orders cancelled in this tick
 */
public record TickResult(TickAction action, List<Fill> fills, int placed, int updated, int cancelled) {
    /** Copies the fills. */
    public TickResult {
        fills = List.copyOf(fills);
    }

    /** @return whether the ledger changed (executions or gas) */
    public boolean ledgerChanged() {
        return !fills.isEmpty() || placed > 0 || updated > 0;
    }
}
