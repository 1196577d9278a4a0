package io.hfthot.adapters.sse;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.Request;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.StreamingRoute;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A route handler that answers with a {@code text/event-stream}: it writes the channel's greeting, then the
 * subscription's events as they arrive, and a heartbeat whenever the stream stays quiet; no stream holds a
 * thread (see {@link SseStream}).
 *
 * <ul>
 *   <li>Writing: the response is pushed ({@link Response#pushing}); each write is non-blocking, at most one per
 *       stream is in flight, and events that arrive meanwhile are written together once it completes. A frame is
 *       encoded once (the channel's encoder may share it among streams) and its bytes are never copied per
 *       stream except to coalesce a backlog. On a transport that cannot write without blocking (the JDK's own
 *       {@code HttpServer}) each stream holds its request thread, as before.</li>
 *   <li>Heartbeat: a shared timer ticks every heartbeat interval; a tick finding the stream quiet for at least
 *       half the interval sends a heartbeat. It also re-checks the subscription (HTI: the code's validity).</li>
 *   <li>Disconnect detection: a client that goes away makes the next write (an event or, at the latest, a
 *       heartbeat) fail; the stream then ends and its subscription is closed.</li>
 *   <li>Bounded buffers: events wait in the subscription's bounded queue (its {@code OverflowPolicy} decides
 *       what a slow client loses), plus one write in flight (at most 64 events) and the socket's buffers. A
 *       closing stream (subscription closed, e.g. cancelled on overflow, or server shutdown) whose client does not
 *       take its farewell within two heartbeat intervals (at least 2 s) is aborted.</li>
 *   <li>Shutdown: {@link #close()} (called by the surface's shutdown) ends every stream, sending the channel's
 *       farewell event first. A subscription cancelled for overflow also gets a farewell.</li>
 * </ul>
 */
public final class SseRoute implements StreamingRoute, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SseRoute.class);

    private final SseSource source;
    private final Set<SseStream> open = ConcurrentHashMap.newKeySet();
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
        if (closing || "HEAD".equals(request.method())) {
            // A HEAD never starts its body: nothing would ever close this subscription.
            channel.subscription().close();
            if (closing) {
                throw new ApiException(ErrorKind.SERVICE_UNAVAILABLE, "the server is shutting down");
            }
        }
        return Response.pushing(200, "text/event-stream; charset=utf-8", sink -> {
            SseStream[] stream = new SseStream[1];
            stream[0] = new SseStream(channel, () -> open.remove(stream[0]));
            open.add(stream[0]);
            if (closing) {
                stream[0].shutdown();
            }
            stream[0].start(sink);
        }).withHeader("X-Accel-Buffering", "no");
    }

    @Override
    public int openStreams() {
        return open.size();
    }

    /** Ends every open stream (with its farewell) and refuses new ones; idempotent. */
    @Override
    public void close() {
        closing = true;
        for (SseStream s : open) {
            s.shutdown();
        }
        LOG.debug("SSE route closed; {} streams were open", open.size());
    }
}
