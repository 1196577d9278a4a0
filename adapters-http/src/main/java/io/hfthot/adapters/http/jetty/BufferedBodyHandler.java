package io.hfthot.adapters.http.jetty;

import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.HttpSurface;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request's body without holding a thread, under the {@link RequestLimits} budgets, before the
 * surface sees the request; the surface then reads the body from memory and never blocks on the client.
 *
 * <p>Why: the surface runs on the blocking {@code com.sun.net.httpserver} API, so a body read there holds a
 * request thread for as long as the client takes to send it. 250 clients sending one byte every 5 s held
 * every thread and the whole port timed out. Here the body is collected with Jetty's demand callbacks
 * (no thread waits for bytes) and a timer enforces the whole-request deadline (from the request's first
 * byte) and the minimum body rate (from the end of the headers, after the grace):
 * <ul>
 *   <li>deadline or rate missed, or the connection's idle timeout hit mid-body: 408 in the surface's shape,
 *       {@code Connection: close};</li>
 *   <li>the body ends early (connection closed before {@code Content-Length} bytes, a broken chunked
 *       coding): 400 naming the byte counts, logged once at debug level;</li>
 *   <li>a chunked body past the surface's {@code maxBodyBytes}: 413 and close (a declared
 *       {@code Content-Length} past it is left to the surface, which answers 413 without reading);</li>
 *   <li>a body that would take the bytes held for all requests on this listener past
 *       {@link RequestLimits#maxBufferedBodyBytes()}: 503 and close. Bodies are held before any route or
 *       filter runs (so before authentication), and without this bound clients could fill the heap with
 *       bodies they stall just short of their end. A request's bytes count until its answer completes.</li>
 * </ul>
 * Requests without a body pass straight through.
 */
final class BufferedBodyHandler extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedBodyHandler.class);

    private final HttpSurface surface;
    private final RequestLimits limits;
    private final Scheduler scheduler;
    private final AtomicLong buffered = new AtomicLong();

    BufferedBodyHandler(HttpSurface surface, RequestLimits limits, Scheduler scheduler, Handler next) {
        super(next);
        this.surface = surface;
        this.limits = limits;
        this.scheduler = scheduler;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if ((declared <= 0 && !chunked) || declared > surface.maxBodyBytes()) {
            return super.handle(request, response, callback);
        }
        new BodyRead(request, response, callback, declared).start();
        return true;
    }

    /** Passes a request whose body is complete to the next handler, answering 404 when nothing handles it. */
    private void dispatch(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable t) {
            Response.writeError(request, response, callback, t);
        }
    }

    /** One request's body collection: the read loop (demand callbacks) races the budget timer, once. */
    private final class BodyRead implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long declared;
        private final ByteArrayOutputStream body;
        private final AtomicBoolean decided = new AtomicBoolean();
        private final AtomicLong held = new AtomicLong();
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile long received;
        private volatile Scheduler.Task timer;

        BodyRead(Request request, Response response, Callback callback, long declared) {
            this.request = request;
            this.response = response;
            // The body's bytes count against the listener's budget until the answer is complete.
            this.callback = Callback.from(callback.getInvocationType(), () -> {
                release();
                callback.succeeded();
            }, x -> {
                release();
                callback.failed(x);
            });
            this.declared = declared;
            this.body = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, 64 * 1024) : 1024);
        }

        void start() {
            checkBudget();
            run();
        }

        /** The read loop: drains what has arrived, then demands more; Jetty calls it back when bytes arrive. */
        @Override
        public void run() {
            while (!decided.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    failed(chunk);
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int n = bytes.remaining();
                if (received + n > surface.maxBodyBytes()) {
                    chunk.release();
                    refuse(ErrorKind.PAYLOAD_TOO_LARGE,
                            io.hfthot.adapters.http.Request.tooLarge(surface.maxBodyBytes()).getMessage());
                    return;
                }
                if (!reserve(n)) {
                    chunk.release();
                    refuse(ErrorKind.SERVICE_UNAVAILABLE, "the server holds too many request bodies in memory right "
                            + "now (" + limits.maxBufferedBodyBytes() + " bytes); retry shortly");
                    return;
                }
                byte[] copy = new byte[n];
                bytes.get(copy);
                body.write(copy, 0, n);
                received += n;
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (decide()) {
                        dispatch(new BufferedRequest(request, body.toByteArray()), response, callback);
                    }
                    return;
                }
            }
        }

        private void failed(Content.Chunk failure) {
            if (!failure.isLast()) {
                // A transient failure is Jetty's idle timeout: no byte for the connection's idle time.
                refuse(ErrorKind.REQUEST_TIMEOUT, "request body timed out: no byte received for the connection's "
                        + "idle timeout after " + received + " bytes");
                return;
            }
            String expected = declared > 0 ? " of the " + declared + " declared in Content-Length" : "";
            String message = "request body ended early: the connection delivered " + received + " bytes" + expected
                    + " before it was closed or its chunked coding broke";
            // Logged once, by refuse, at debug level: an aborted upload is the client's business, not an incident.
            refuse(ErrorKind.INVALID_PARAMS, message);
        }

        /** The timer: fires at the next moment the body could miss a budget, and re-arms while it does not. */
        private void checkBudget() {
            if (decided.get()) {
                return;
            }
            long now = NanoTime.now();
            long deadline = request.getBeginNanoTime() + limits.requestTimeout().toNanos();
            long sinceHeaders = now - request.getHeadersNanoTime();
            long have = received;
            if (now - deadline >= 0) {
                refuse(ErrorKind.REQUEST_TIMEOUT, "request not received within " + limits.requestTimeout().toMillis()
                        + " ms (" + have + " body bytes arrived); send the whole request faster");
                return;
            }
            if (have < limits.requiredBodyBytes(sinceHeaders)) {
                refuse(ErrorKind.REQUEST_TIMEOUT, "request body too slow: " + have + " bytes in "
                        + sinceHeaders / 1_000_000 + " ms; at least " + limits.minBodyBytesPerSecond()
                        + " bytes/s are required after the first " + limits.minRateGrace().toMillis() + " ms");
                return;
            }
            long next = deadline;
            if (limits.minBodyBytesPerSecond() > 0) {
                // The body falls below the rate once required(t) > have, i.e. at grace + have / rate after the headers.
                long rateMiss = request.getHeadersNanoTime() + limits.minRateGrace().toNanos()
                        + (long) (have * 1e9 / limits.minBodyBytesPerSecond()) + 1;
                next = rateMiss - deadline < 0 ? rateMiss : deadline;
            }
            timer = scheduler.schedule(this::checkBudget, Math.max(1, next - now), TimeUnit.NANOSECONDS);
        }

        /** Counts {@code n} more bytes against the listener's budget; false (nothing counted) past it. */
        private boolean reserve(long n) {
            if (buffered.addAndGet(n) > limits.maxBufferedBodyBytes()) {
                buffered.addAndGet(-n);
                return false;
            }
            held.addAndGet(n);
            if (released.get()) {
                // The answer completed while this chunk was being counted: give the bytes back at once.
                buffered.addAndGet(-held.getAndSet(0));
            }
            return true;
        }

        private void release() {
            if (released.compareAndSet(false, true)) {
                buffered.addAndGet(-held.getAndSet(0));
            }
        }

        /** Takes the one decision about this body; false when the other side (reader or timer) took it. */
        private boolean decide() {
            if (!decided.compareAndSet(false, true)) {
                return false;
            }
            Scheduler.Task t = timer;
            if (t != null) {
                t.cancel();
            }
            return true;
        }

        private void refuse(ErrorKind kind, String message) {
            if (!decide()) {
                return;
            }
            LOG.debug("{}: {} {} refused: {}", surface.name(), request.getMethod(), request.getHttpURI().getPath(),
                    message);
            // Close: the rest of the body is unread, so the connection cannot carry another request.
            Callback written = Callback.from(callback.getInvocationType(), callback::succeeded, x -> {
                LOG.debug("{}: the {} answer could not be written: {}", surface.name(), kind, x.toString());
                callback.failed(x);
            });
            SurfaceErrorHandler.write(response, written, surface.errorShape().status(kind),
                    surface.errorBody(kind, message), true);
        }
    }

    /** A request whose body has been read: reads and demands are served from memory. */
    private static final class BufferedRequest extends Request.Wrapper {
        private final long length;
        private Content.Chunk content;

        BufferedRequest(Request wrapped, byte[] body) {
            super(wrapped);
            this.length = body.length;
            this.content = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public long getLength() {
            return length;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk c = content;
            content = Content.Chunk.EOF;
            return c;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
