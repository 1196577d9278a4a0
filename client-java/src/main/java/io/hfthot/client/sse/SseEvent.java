package io.hfthot.client.sse;

import java.util.Objects;

/**
 * One dispatched server-sent event.
 *
 * @param event       the event type ({@code message} when the server named none)
 * @param data        the data lines joined with {@code \n}
 * @param lastEventId the last event id seen on the stream so far (empty when none)
 */
public record SseEvent(String event, String data, String lastEventId) {
    /** Checks the fields. */
    public SseEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lastEventId, "lastEventId");
    }
}
