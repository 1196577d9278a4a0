package io.hfthot.adapters.sse;

import io.hfthot.adapters.http.Request;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.StreamingRoute;
import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.Event;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A route handler that answers with a {@code text/event-stream}: it writes the channel's greeting,
 * then each event of the subscription, flushing after every event, and a heartbeat whenever the
 * subscription stays quiet for the heartbeat interval.
 *
 * <ul>
 *   <li>Disconnect detection: a client that goes away makes the next write (an event or, at the
 *       latest, a heartbeat) fail; the stream then ends and its subscription is closed.</li>
 *   <li>Bounded buffers: events wait in the subscription's bounded queue (its
 *       {@code OverflowPolicy} decides what a slow client loses); the socket's own buffers are bounded
 *       by the server, and a write blocked for longer than the connector's idle timeout fails.</li>
 *   <li>Shutdown: {@link #close()} (called by the surface's shutdown) ends every stream, sending the
 *       channel's farewell event first. A subscription cancelled for overflow also gets a farewell.</li>
 * </ul>
 * Each open stream occupies one request thread while it lasts.
 */
public final class SseRoute implements StreamingRoute, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SseRoute.class);

    private final SseSource source;
    private final Set<SseChannel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    /**
     * Creates the route handler.
     *
     * @param source opens each stream
     */
    public SseRoute(SseSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Response handle(Request request) throws Exception {
        SseChannel channel = source.open(request);
        if (closing) {
            channel.subscription().close();
            throw new io.hfthot.adapters.http.ApiException(io.hfthot.adapters.http.ErrorKind.SERVICE_UNAVAILABLE,
                    "the server is shutting down");
        }
        open.add(channel);
        return Response.streaming(200, "text/event-stream; charset=utf-8", out -> stream(channel, out))
                .withHeader("X-Accel-Buffering", "no");
    }

    private void stream(SseChannel channel, OutputStream out) throws IOException {
        try {
            for (SseEvent e : channel.greeting()) {
                write(out, e);
            }
            out.flush();
            while (true) {
                Optional<Event> next;
                try {
                    next = channel.subscription().poll(channel.heartbeatInterval());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    sayFarewell(channel, out, CloseReason.BUS_CLOSED);
                    return;
                }
                if (next.isPresent()) {
                    write(out, channel.encoder().apply(next.get()));
                    out.flush();
                } else if (closing || !channel.subscription().isActive()) {
                    CloseReason reason = closing ? CloseReason.BUS_CLOSED
                            : channel.subscription().closeReason().orElse(CloseReason.UNSUBSCRIBED);
                    sayFarewell(channel, out, reason);
                    return;
                } else {
                    write(out, channel.heartbeat().get());
                    out.flush();
                }
            }
        } finally {
            channel.subscription().close();
            open.remove(channel);
        }
    }

    private static void sayFarewell(SseChannel channel, OutputStream out, CloseReason reason) throws IOException {
        if (channel.farewell() != null) {
            write(out, channel.farewell().apply(reason));
            out.flush();
        }
    }

    private static void write(OutputStream out, SseEvent event) throws IOException {
        out.write(event.frameBytes());
    }

    @Override
    public int openStreams() {
        return open.size();
    }

    /** Ends every open stream (with its farewell) and refuses new ones; idempotent. */
    @Override
    public void close() {
        closing = true;
        for (SseChannel c : open) {
            c.subscription().close();
        }
        LOG.debug("SSE route closed; {} streams were open", open.size());
    }
}
