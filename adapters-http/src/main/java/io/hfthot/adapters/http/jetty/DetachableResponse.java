package io.hfthot.adapters.http.jetty;

import io.hfthot.adapters.http.StreamSink;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Lets a response outlive the {@code com.sun.net.httpserver} exchange that jetty-http-spi builds around it.
 *
 * <p>Why: jetty-http-spi 12.1's {@code HttpSpiContextHandler} runs the {@code HttpHandler} synchronously, then
 * completes Jetty's callback and closes the exchange, whose output stream ({@code Content.Sink.asOutputStream})
 * writes the last chunk. A stream that must go on without the handler's thread therefore takes the response over
 * ({@link #detach}) before the handler returns: from then on the SPI's last write and its callback completion are
 * swallowed by the guards below, and the stream writes to the real response with Jetty's non-blocking
 * {@code Response.write(last, buffer, callback)} until it ends or aborts, which completes the real callback.
 */
final class DetachableResponse {
    private final Response response;
    private final Callback callback;
    private volatile boolean detached;

    DetachableResponse(Response response, Callback callback) {
        this.response = response;
        this.callback = callback;
    }

    /** @return the response to hand the SPI: its writes pass through until detached, then are dropped */
    Response guardedResponse(Request request) {
        return new Response.Wrapper(request, response) {
            @Override
            public void write(boolean last, ByteBuffer content, Callback written) {
                if (detached) {
                    written.succeeded();
                } else {
                    super.write(last, content, written);
                }
            }
        };
    }

    /** @return the callback to hand the SPI: completes the real one unless the response was detached */
    Callback guardedCallback() {
        return new Callback() {
            @Override
            public void succeeded() {
                if (!detached) {
                    callback.succeeded();
                }
            }

            @Override
            public void failed(Throwable x) {
                if (!detached) {
                    callback.failed(x);
                }
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
    }

    /**
     * Takes the response over; call before the handler returns, and before the SPI closes the exchange.
     *
     * @return the sink writing to the real response
     */
    StreamSink detach() {
        detached = true;
        return new Sink();
    }

    /** Writes to the real response; ends or aborts it, completing the real callback exactly once. */
    private final class Sink implements StreamSink, Callback {
        private final AtomicBoolean over = new AtomicBoolean();
        // The sink itself is the Jetty callback of every write (at most one is outstanding, StreamSink's contract),
        // so a stream's thousands of writes allocate no callback each; the field hands over the stream's callback.
        private volatile WriteCallback pending;

        @Override
        public void write(ByteBuffer bytes, WriteCallback done) {
            pending = done;
            response.write(false, bytes, this);
        }

        @Override
        public void succeeded() {
            pending.written(null);
        }

        @Override
        public void failed(Throwable x) {
            if (over.compareAndSet(false, true)) {
                callback.failed(x);
            }
            pending.written(x);
        }

        /**
         * NON_BLOCKING: the stream's callback only records the outcome and schedules its next step, so Jetty may
         * run it on the selector thread instead of dispatching it to the pool.
         */
        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        @Override
        public void end() {
            if (over.compareAndSet(false, true)) {
                response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            }
        }

        @Override
        public void abort(Throwable cause) {
            if (over.compareAndSet(false, true)) {
                // Failing the handler's callback makes Jetty abort the response and close the connection.
                callback.failed(cause);
            }
        }
    }
}
