package io.hfthot.engine.events;

/**
 * Receives events pushed by {@link EventBus#subscribe(String, SubscriptionOptions, EventListener)}.
 *
 * <p>Contract: for one subscription the bus calls the listener from one thread at a time, in
 * publication order, never from the publisher's thread, and calls {@link #onClose} exactly once, after
 * the last {@link #onEvent}. A listener should return quickly (hand the event to a non-blocking
 * sink): events that arrive meanwhile wait in the subscription's bounded queue. An exception thrown
 * by the listener is logged and delivery continues with the next event.
 */
public interface EventListener {
    /**
     * Handles one event.
     *
     * @param event the event, never null
     */
    void onEvent(Event event);

    /**
     * Called once when the subscription has stopped; no event follows.
     *
     * @param reason why it stopped
     */
    default void onClose(CloseReason reason) {
    }
}
