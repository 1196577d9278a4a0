package io.hfthot.adapters.http.lab;

import io.hfthot.adapters.http.WebSocketSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the seed-000 HTTP surface.
 *
 * @param streamSettings     the {@code /v1/stream} WebSocket's idle timeout (seed 000: 60 s), send queue and
 *                           slow-client policy
 * @param streamQueueEvents  events queued per stream subscription before a subscriber that does not keep up
 *                           is disconnected, in {@code [16, 1_000_000]}
 */
public record LabHttpOptions(WebSocketSettings streamSettings, int streamQueueEvents) {
    /** Validates the fields. */
    public LabHttpOptions {
        Objects.requireNonNull(streamSettings, "streamSettings");
        if (streamQueueEvents < 16 || streamQueueEvents > 1_000_000) {
            throw new IllegalArgumentException("streamQueueEvents must be in [16, 1000000], got " + streamQueueEvents);
        }
    }

    /**
     * Seed 000's defaults: 60 s idle timeout, 4096 queued messages per connection, 4096 events per subscription.
     *
     * @return the defaults
     */
    public static LabHttpOptions defaults() {
        return new LabHttpOptions(WebSocketSettings.defaults().withSendQueue(4096,
                WebSocketSettings.defaults().slowClientPolicy()), 4096);
    }

    /**
     * Returns a copy with another WebSocket idle timeout (tests use a short one).
     *
     * @param timeout the timeout
     * @return the copy
     */
    public LabHttpOptions withStreamIdleTimeout(Duration timeout) {
        return new LabHttpOptions(streamSettings.withIdleTimeout(timeout), streamQueueEvents);
    }
}
