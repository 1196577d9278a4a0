package io.hfthot.adapters.sse;

import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one SSE stream sends: events to send first, the subscription it streams, how an event is
 * framed, the heartbeat and its interval, and an optional last event when the server ends the stream.
 *
 * @param greeting          events sent right after the headers (e.g. HTI's {@code ready})
 * @param subscription      the event-bus subscription streamed; it must report its activity
 *                          ({@link Subscription#onActivity}); closed when the stream ends
 * @param encoder           turns a bus event into its framed bytes; may return the same frame to every stream
 *                          (the stream never modifies it)
 * @param heartbeatInterval how long without an event before a heartbeat is sent; also bounds how long a
 *                          vanished client goes unnoticed
 * @param heartbeat         makes a heartbeat (e.g. HTI's {@code ping}, or a comment)
 * @param farewell          makes the last event when the server ends the stream (e.g. HTI's
 *                          {@code error}), given the reason; or null to end silently
 */
public record SseChannel(List<SseEvent> greeting, Subscription subscription, Function<Event, SseFrame> encoder,
                         Duration heartbeatInterval, Supplier<SseEvent> heartbeat,
                         Function<CloseReason, SseEvent> farewell) {
    /** Validates and copies the fields. */
    public SseChannel {
        greeting = List.copyOf(greeting);
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (heartbeatInterval.compareTo(Duration.ofMillis(10)) < 0 || heartbeatInterval.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("heartbeatInterval must be in [10 ms, 10 min], got " + heartbeatInterval);
        }
    }

    /**
     * A channel with no greeting, a comment heartbeat every 15 s and no farewell.
     *
     * @param subscription the subscription
     * @param encoder      the event framing, applied per stream
     * @return the channel
     */
    public static SseChannel of(Subscription subscription, Function<Event, SseEvent> encoder) {
        return new SseChannel(List.of(), subscription, encoder.andThen(SseFrame::of), Duration.ofSeconds(15),
                () -> SseEvent.comment("keepalive"), null);
    }

    /**
     * Returns a copy with greeting events.
     *
     * @param events the events
     * @return the channel
     */
    public SseChannel withGreeting(SseEvent... events) {
        return new SseChannel(List.of(events), subscription, encoder, heartbeatInterval, heartbeat, farewell);
    }

    /**
     * Returns a copy with another heartbeat.
     *
     * @param interval the interval
     * @param make     makes each heartbeat
     * @return the channel
     */
    public SseChannel withHeartbeat(Duration interval, Supplier<SseEvent> make) {
        return new SseChannel(greeting, subscription, encoder, interval, make, farewell);
    }

    /**
     * Returns a copy with a farewell event.
     *
     * @param make makes the last event from the reason the stream ends
     * @return the channel
     */
    public SseChannel withFarewell(Function<CloseReason, SseEvent> make) {
        return new SseChannel(greeting, subscription, encoder, heartbeatInterval, heartbeat, make);
    }
}
