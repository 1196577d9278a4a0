package io.hfthot.engine.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One published event: the topic it was published on, its sequence number within that topic, when it
 * was published and its payload.
 *
 * @param topic       the topic, never blank
 * @param sequence    strictly increasing per topic, starting at 1 for the first event a bus publishes
 *                    on that topic (SSE streams use it as the event {@code id})
 * @param publishedAt the bus clock's instant at publication
 * @param payload     the application object; transports encode it (e.g. as JSON), the bus never does
 */
public record Event(String topic, long sequence, Instant publishedAt, Object payload) {
    /** Validates the fields. */
    public Event {
        Topics.requireValid(topic);
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1, got " + sequence);
        }
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(payload, "payload");
    }
}
