package io.hfthot.engine.marketmaker;

import io.hfthot.engine.market.Side;

/**
 * The bot's exact accounting: cash, inventory, fees, gas (debited from a MATIC/POL balance), session volume and
 * counters. Definitions, for a mid price {@code m}:
 * <ul>
 *   <li>{@code cash = startingCash + sum(sell notional) - sum(buy notional) - fees} (gas is paid in MATIC, not
 *       cash);</li>
 *   <li>{@code equity = cash + inventory * m};</li>
 *   <li>{@code tradingProfit = sum(sell notional) - sum(buy notional) + inventory * m};</li>
 *   <li>{@code virtualPnl = tradingProfit - fees - gas}, hence {@code equity - startingCash = virtualPnl + gas}.</li>
 * </ul>
 * Inventory may be negative (a short position in the token). Not thread-safe: the service guards it.
 */
public final class Ledger {
    private final double startingCash;
    private double cash;
    private double inventory;
    private double tradingCashFlow;
    private double fees;
    private double gasUsd;
    private double matic;
    private double volume;
    private long trades;
    private long placements;
    private long updates;

    /**
     * A ledger restored from (or starting at) a state.
     *
     * @param state the state
     */
    public Ledger(LedgerState state) {
        this.startingCash = state.startingCash();
        this.cash = state.cash();
        this.inventory = state.inventory();
        this.tradingCashFlow = state.tradingCashFlow();
        this.fees = state.feesUsd();
        this.gasUsd = state.gasUsd();
        this.matic = state.maticBalance();
        this.volume = state.sessionVolume();
        this.trades = state.tradesCount();
        this.placements = state.placements();
        this.updates = state.orderUpdates();
    }

    /**
     * Books one execution.
     *
     * @param fill the execution (its fee included)
     */
    public void onFill(Fill fill) {
        double notional = fill.notional();
        double flow = fill.side() == Side.BUY ? -notional : notional;
        tradingCashFlow += flow;
        cash += flow - fill.feeUsd();
        inventory += fill.signedSize();
        fees += fill.feeUsd();
        volume += notional;
        trades++;
    }

    /**
     * Tells whether the MATIC balance pays one more order's gas.
     *
     * @param schedule the venue's gas cost
     * @return whether the balance covers it
     */
    public boolean canPayGas(FeeSchedule schedule) {
        return matic * schedule.maticPriceUsd() >= schedule.gasPerOrderUsd() - 1e-12;
    }

    /**
     * Books the gas of one placement.
     *
     * @param schedule the venue's gas cost
     */
    public void onPlacement(FeeSchedule schedule) {
        payGas(schedule);
        placements++;
    }

    /**
     * Books the gas of one update (cancel-replace).
     *
     * @param schedule the venue's gas cost
     */
    public void onUpdate(FeeSchedule schedule) {
        payGas(schedule);
        updates++;
    }

    private void payGas(FeeSchedule schedule) {
        gasUsd += schedule.gasPerOrderUsd();
        matic -= schedule.gasPerOrderUsd() / schedule.maticPriceUsd();
    }

    /** @return the cash in dollars */
    public double cash() {
        return cash;
    }

    /** @return the position in shares (negative: short) */
    public double inventory() {
        return inventory;
    }

    /** @return the fees paid in dollars */
    public double fees() {
        return fees;
    }

    /** @return the gas spent in dollars */
    public double gasUsd() {
        return gasUsd;
    }

    /** @return the MATIC/POL balance left for gas */
    public double maticBalance() {
        return matic;
    }

    /** @return the traded notional in dollars */
    public double sessionVolume() {
        return volume;
    }

    /** @return executions booked */
    public long tradesCount() {
        return trades;
    }

    /** @return order updates (reposts) booked */
    public long orderUpdates() {
        return updates;
    }

    /**
     * @param mid the mid price marking the inventory
     * @return {@code cash + inventory * mid}
     */
    public double equity(double mid) {
        return cash + inventory * mid;
    }

    /**
     * @param mid the mid price marking the inventory
     * @return {@code sum(sells) - sum(buys) + inventory * mid}
     */
    public double tradingProfit(double mid) {
        return tradingCashFlow + inventory * mid;
    }

    /**
     * @param mid the mid price marking the inventory
     * @return {@code tradingProfit - fees - gas}
     */
    public double virtualPnl(double mid) {
        return tradingProfit(mid) - fees - gasUsd;
    }

    /**
     * Cash not committed: cash minus the notional of resting bids, minus one dollar per share short (the most a
     * short binary token can cost at settlement) and {@code 1 - price} per share a resting ask would sell short.
     *
     * @param open the resting orders
     * @return the buying power in dollars
     */
    public double buyingPower(Iterable<OpenOrder> open) {
        double reserved = Math.max(0, -inventory);
        double longShares = Math.max(0, inventory);
        for (OpenOrder o : open) {
            if (o.side() == Side.BUY) {
                reserved += o.price() * o.remaining();
            } else {
                double shortPart = Math.max(0, o.remaining() - longShares);
                longShares = Math.max(0, longShares - o.remaining());
                reserved += shortPart * (1 - o.price());
            }
        }
        return cash - reserved;
    }

    /** @return the state, for persistence */
    public LedgerState state() {
        return new LedgerState(startingCash, cash, inventory, tradingCashFlow, fees, gasUsd, matic, volume, trades,
                placements, updates);
    }
}
