package io.hfthot.engine.marketmaker;

import io.hfthot.engine.market.Side;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Delegates to a venue and counts the orders that reach it (placements and replacements). */
final class RecordingVenue implements ExecutionVenue {
    final ExecutionVenue delegate;
    final AtomicLong ordersReceived = new AtomicLong();

    RecordingVenue(ExecutionVenue delegate) {
        this.delegate = delegate;
    }

    @Override
    public String tokenId() {
        return delegate.tokenId();
    }

    @Override
    public double tickSize() {
        return delegate.tickSize();
    }

    @Override
    public FeeSchedule fees() {
        return delegate.fees();
    }

    @Override
    public long place(Side side, double price, double size) {
        ordersReceived.incrementAndGet();
        return delegate.place(side, price, size);
    }

    @Override
    public long replace(long orderId, double price, double size) {
        ordersReceived.incrementAndGet();
        return delegate.replace(orderId, price, size);
    }

    @Override
    public boolean cancel(long orderId) {
        return delegate.cancel(orderId);
    }

    @Override
    public int cancelAll() {
        return delegate.cancelAll();
    }

    @Override
    public List<Fill> poll(long nowMs) {
        return delegate.poll(nowMs);
    }

    @Override
    public List<OpenOrder> openOrders() {
        return delegate.openOrders();
    }

    @Override
    public BookSnapshot book(int depth) {
        return delegate.book(depth);
    }

    @Override
    public double liquidity() {
        return delegate.liquidity();
    }
}
