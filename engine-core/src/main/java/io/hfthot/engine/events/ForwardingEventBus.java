package io.hfthot.engine.events;

import java.util.Objects;

/**
 * An {@link EventBus} that forwards every call to another bus: extend it and override what a decorator changes
 * (for example {@link #publish} to count or stamp events) instead of writing every forwarding method again.
 */
public abstract class ForwardingEventBus implements EventBus {
    private final EventBus delegate;

    /**
     * Creates the decorator.
     *
     * @param delegate the bus every call goes to
     */
    protected ForwardingEventBus(EventBus delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Returns the bus every call goes to.
     *
     * @return the delegate
     */
    protected final EventBus delegate() {
        return delegate;
    }

    @Override
    public long publish(String topic, Object payload) {
        return delegate.publish(topic, payload);
    }

    @Override
    public Subscription subscribe(String topic, SubscriptionOptions options) {
        return delegate.subscribe(topic, options);
    }

    @Override
    public Subscription subscribe(String topic, SubscriptionOptions options, EventListener listener) {
        return delegate.subscribe(topic, options, listener);
    }

    @Override
    public int subscriberCount(String topic) {
        return delegate.subscriberCount(topic);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
