package io.hfthot.engine.marketmaker;

import io.hfthot.engine.market.Side;
import io.hfthot.quant.marketmaking.VolState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The quoting loop over one venue: each {@link #step} books the venue's executions, updates the realised
 * volatility, checks the liquidity filter and moves the resting orders to what the {@link QuoteDecider} wants
 * (placing, updating or cancelling, gas booked per placement and update). Parameter changes apply from the next
 * step; one that shrinks the inventory limit or changes the order size, or stops the bot, cancels the resting
 * orders at once so that no execution can breach the new limit.
 *
 * <p>Invariant: {@code inventory + resting bid <= max_position} and {@code inventory - resting ask >=
 * -max_position} hold after every call, so {@code |inventory| <= max_position} after every execution (given it
 * held when the limit was set).
 *
 * <p>Not thread-safe: {@link MarketMakerService} calls it under one lock.
 */
public final class MarketMakerBot {
    /** Levels of each side of the book in a {@link TradeData}. */
    public static final int BOOK_DEPTH = 3;

    private final ExecutionVenue venue;
    private final QuoteDecider decider;
    private final Ledger ledger;
    private final RealisedVolatility volatility;
    private BotParameters params;
    private double reference = Double.NaN;
    private double latencyMs;

    /**
     * @param venue      where orders go
     * @param decider    the quoting decision
     * @param ledger     the accounting, possibly restored
     * @param volatility the realised-volatility classifier
     * @param params     the parameters, possibly restored
     */
    public MarketMakerBot(ExecutionVenue venue, QuoteDecider decider, Ledger ledger, RealisedVolatility volatility,
                          BotParameters params) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.decider = Objects.requireNonNull(decider, "decider");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.volatility = Objects.requireNonNull(volatility, "volatility");
        this.params = Objects.requireNonNull(params, "params");
    }

    /**
     * Runs one tick.
     *
     * @param nowMs        the time, Unix milliseconds
     * @param referencePrice the reference spot price
     * @return what the tick did
     */
    public TickResult step(long nowMs, double referencePrice) {
        long start = System.nanoTime();
        reference = referencePrice;
        List<Fill> fills = venue.poll(nowMs);
        for (Fill f : fills) {
            ledger.onFill(f);
        }
        volatility.update(nowMs, referencePrice);
        Orders orders = new Orders();
        TickAction action;
        if (!params.running()) {
            orders.cancelled += venue.cancelAll();
            action = TickAction.STOPPED;
        } else if (venue.liquidity() < params.minLiquidity()) {
            orders.cancelled += venue.cancelAll();
            action = TickAction.SKIPPED_FILTER;
        } else {
            QuoteDecision d = decider.decide(referencePrice, ledger.inventory(), params, volatility.state());
            action = reconcile(d, orders);
        }
        latencyMs = (System.nanoTime() - start) / 1e6;
        return new TickResult(fills.isEmpty() ? action : TickAction.FILLED, fills, orders.placed, orders.updated,
                orders.cancelled);
    }

    /** Counts of this tick's order actions. */
    private static final class Orders {
        int placed;
        int updated;
        int cancelled;
        boolean noGas;
    }

    private TickAction reconcile(QuoteDecision d, Orders orders) {
        List<OpenOrder> open = venue.openOrders();
        OpenOrder bid = null;
        OpenOrder ask = null;
        List<OpenOrder> others = new ArrayList<>();
        for (OpenOrder o : open) {
            if (o.side() == Side.BUY && bid == null) {
                bid = o;
            } else if (o.side() == Side.SELL && ask == null) {
                ask = o;
            } else {
                others.add(o);
            }
        }
        for (OpenOrder o : others) {
            if (venue.cancel(o.orderId())) {
                orders.cancelled++;
            }
        }
        // Sell first: an ask never needs buying power, and cancelling a stale ask frees what a bid may need.
        side(ask, d.hasAsk(), d.askPrice(), d.askSize(), Side.SELL, orders);
        double bidSize = d.bidSize();
        if (d.hasBid()) {
            List<OpenOrder> rest = new ArrayList<>(venue.openOrders());
            if (bid != null) {
                OpenOrder current = bid;
                rest.removeIf(o -> o.orderId() == current.orderId());
            }
            double affordable = Math.floor(ledger.buyingPower(rest) / d.bidPrice());
            bidSize = Math.max(0, Math.min(bidSize, affordable));
        }
        side(bid, bidSize >= 1, d.bidPrice(), bidSize, Side.BUY, orders);
        if (orders.placed > 0) {
            return TickAction.TRADE_PLACED;
        }
        if (orders.updated > 0) {
            return TickAction.ORDER_UPDATED;
        }
        return orders.noGas ? TickAction.SKIPPED_NO_GAS : TickAction.QUOTES_HELD;
    }

    private void side(OpenOrder current, boolean wanted, double price, double size, Side side, Orders orders) {
        if (!wanted) {
            if (current != null && venue.cancel(current.orderId())) {
                orders.cancelled++;
            }
            return;
        }
        boolean samePrice = current != null && Math.abs(current.price() - price) < 0.5 * venue.tickSize();
        if (samePrice && current.remaining() <= size) {
            return; // a partly executed order keeps its place in the queue
        }
        if (!ledger.canPayGas(venue.fees())) {
            orders.noGas = true;
            if (current != null && venue.cancel(current.orderId())) {
                orders.cancelled++;
            }
            return;
        }
        if (current == null) {
            venue.place(side, price, size);
            ledger.onPlacement(venue.fees());
            orders.placed++;
        } else {
            venue.replace(current.orderId(), price, size);
            ledger.onUpdate(venue.fees());
            orders.updated++;
        }
    }

    /**
     * Changes the parameters from the next step; cancels the resting orders when the new ones stop the bot,
     * shrink the inventory limit or change the order size.
     *
     * @param next the new parameters
     * @return orders cancelled
     */
    public int setParameters(BotParameters next) {
        Objects.requireNonNull(next, "next");
        BotParameters previous = params;
        params = next;
        if (!next.running() || next.maxPosition() < previous.maxPosition()
                || next.orderSize() != previous.orderSize()) {
            return venue.cancelAll();
        }
        return 0;
    }

    /** @return the current parameters */
    public BotParameters parameters() {
        return params;
    }

    /**
     * Builds the stream message for the current state.
     *
     * @param timestamp the message time, as the seed spells it
     * @param action    the action to report
     * @return the message
     */
    public TradeData tradeData(String timestamp, TickAction action) {
        BookSnapshot book = venue.book(BOOK_DEPTH);
        double mid = book.mid();
        // Before the venue's first poll its book is empty: the inventory is marked at the even-odds price then.
        double mark = Double.isNaN(mid) ? 0.5 : mid;
        VolState vol = volatility.state();
        return new TradeData(timestamp, venue.tokenId(), Double.isNaN(mid) ? 0 : mid,
                Double.isNaN(book.spread()) ? 0 : book.spread(), latencyMs, (int) Math.round(venue.fees().takerFeeBps()),
                vol.name(), Double.isNaN(reference) ? 0 : reference, ledger.inventory(), action.name(), book.bids(),
                book.asks(), ledger.virtualPnl(mark), ledger.sessionVolume(), ledger.equity(mark),
                ledger.buyingPower(venue.openOrders()), ledger.gasUsd(), ledger.tradesCount(), ledger.orderUpdates(),
                ledger.maticBalance());
    }

    /** @return the ledger's state */
    public LedgerState ledgerState() {
        return ledger.state();
    }

    /** @return the venue's resting orders of the bot */
    public List<OpenOrder> openOrders() {
        return venue.openOrders();
    }

    /** @return the venue */
    public ExecutionVenue venue() {
        return venue;
    }
}
