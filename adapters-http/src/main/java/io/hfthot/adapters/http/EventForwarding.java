package io.hfthot.adapters.http;

import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.events.EventListener;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import java.util.Objects;
import java.util.function.Function;

/**
 * Connects an event-bus topic to a WebSocket connection: each event is mapped to a message and sent
 * as JSON; closing the connection unsubscribes, and a subscription closed by the bus closes the
 * connection (1008 when the subscriber fell behind under {@code CANCEL}, 1001 when the bus shut down).
 */
public final class EventForwarding {
    /** RFC 6455 close code 1008, policy violation. */
    private static final int POLICY_VIOLATION = 1008;
    /** RFC 6455 close code 1001, going away. */
    private static final int GOING_AWAY = 1001;

    private EventForwarding() {
    }

    /**
     * Forwards a topic to a connection until either closes.
     *
     * @param bus        the event bus
     * @param topic      the topic
     * @param options    the subscription's queue bound and overflow policy
     * @param connection the connection
     * @param toMessage  maps an event to the JSON value sent (e.g. {@link Event#payload()})
     * @return the subscription (already tied to the connection's lifetime)
     */
    public static Subscription toWebSocket(EventBus bus, String topic, SubscriptionOptions options,
                                           WebSocketConnection connection, Function<Event, Object> toMessage) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(toMessage, "toMessage");
        Subscription sub = bus.subscribe(topic, options, new EventListener() {
            @Override
            public void onEvent(Event event) {
                connection.sendJson(toMessage.apply(event));
            }

            @Override
            public void onClose(CloseReason reason) {
                if (reason == CloseReason.OVERFLOW) {
                    connection.close(POLICY_VIOLATION, "event queue overflow");
                } else if (reason == CloseReason.BUS_CLOSED) {
                    connection.close(GOING_AWAY, "server shutting down");
                }
            }
        });
        connection.closeOnDisconnect(sub);
        return sub;
    }
}
