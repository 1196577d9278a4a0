package io.hfthot.client.stream;

import io.hfthot.client.HfthotException;
import io.hfthot.client.internal.Json;
import io.hfthot.client.internal.RetryingHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One open {@code /v1/stream} WebSocket as a blocking sequence of {@link StreamMessage}s.
 *
 * <p>Buffering is bounded by flow control, not by dropping: the client asks the JDK WebSocket for at most
 * {@code bufferSize} messages ahead of the consumer and for one more each time the consumer takes one, so a
 * slow consumer makes the server queue (and, past its own limit of 4096 events, close the connection with
 * 1008) instead of this client losing messages. The iteration ends when the connection closes; a transport
 * failure is thrown from {@link #next(Duration)} or the iterator as {@link HfthotException}. One thread
 * consumes; {@link #subscribe}, {@link #ping} and {@link #close} may be called from any thread.
 */
public final class LabStream implements AutoCloseable, Iterable<StreamMessage> {
    private final BlockingQueue<Object> queue;
    private final WebSocket socket;
    private final Duration sendTimeout;
    private volatile Closed closed;
    private volatile boolean ended;

    /** How the connection ended: the close status and reason. */
    record Closed(int status, String reason) {
    }

    /** The transport failed. */
    record Failed(Throwable error) {
    }

    LabStream(WebSocket socket, Duration sendTimeout, BlockingQueue<Object> queue) {
        this.socket = socket;
        this.queue = queue;
        this.sendTimeout = sendTimeout;
    }

    /**
     * Connects. A refused upgrade (401 bad key, 429 no free stream slot) throws
     * {@link io.hfthot.client.HfthotApiException} with the status and the seed-000 code.
     *
     * @param http       the JDK client
     * @param uri        {@code ws(s)://host/v1/stream?api_key=...}
     * @param bufferSize messages read ahead of the consumer, at least 1
     * @param timeout    handshake and send timeout
     * @return the open stream
     */
    public static LabStream open(HttpClient http, URI uri, int bufferSize, Duration timeout) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize = " + bufferSize + " is not accepted; expected at least 1");
        }
        StreamListener listener = new StreamListener(bufferSize);
        try {
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, listener)
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new LabStream(ws, timeout, listener.queue());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                throw refused(h.getResponse());
            }
            throw new HfthotException("cannot open " + uri.getPath() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new HfthotException("the WebSocket handshake to " + uri.getPath() + " took longer than " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HfthotException("interrupted while opening " + uri.getPath(), e);
        }
    }

    private static HfthotException refused(HttpResponse<?> response) {
        // The JDK hands the refused upgrade's body over as bytes (or not at all, depending on the release).
        Object body = response.body();
        String text = body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : body instanceof String s ? s : "";
        return RetryingHttp.error(response.statusCode(), text, 1, null);
    }

    /**
     * Subscribes to a stream of a symbol; its {@link StreamMessage.Ack} precedes its first event.
     *
     * @param stream the stream
     * @param symbol the symbol
     */
    public void subscribe(StreamName stream, String symbol) {
        send(command("subscribe", stream, symbol));
    }

    /**
     * Ends a subscription; no event of it follows the {@code unsubscribed} ack.
     *
     * @param stream the stream
     * @param symbol the symbol
     */
    public void unsubscribe(StreamName stream, String symbol) {
        send(command("unsubscribe", stream, symbol));
    }

    /** Sends {@code {"type":"ping"}}; the server answers {@link StreamMessage.Pong}. */
    public void ping() {
        send(Json.write(Map.of("type", "ping")));
    }

    private static String command(String type, StreamName stream, String symbol) {
        Objects.requireNonNull(stream, "stream");
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol = " + symbol + " is not accepted; expected a symbol such as BTC-USDT");
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("stream", stream.wire());
        m.put("symbol", symbol);
        return Json.write(m);
    }

    /**
     * Sends a raw text message (for messages this SDK has no method for).
     *
     * @param text the message
     */
    public void send(String text) {
        try {
            socket.sendText(text, true).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new HfthotException("cannot send on the stream: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HfthotException("interrupted while sending on the stream", e);
        }
    }

    /**
     * Waits for the next message.
     *
     * @param timeout how long to wait
     * @return the message, or empty when none arrived in time or the connection has closed
     * @throws HfthotException when the connection failed
     */
    public Optional<StreamMessage> next(Duration timeout) {
        if (ended) {
            return Optional.empty();
        }
        Object item;
        try {
            item = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HfthotException("interrupted while waiting for a stream message", e);
        }
        if (item == null) {
            return Optional.empty();
        }
        if (item instanceof StreamMessage m) {
            socket.request(1); // the consumer took one: let one more in
            return Optional.of(m);
        }
        ended = true;
        if (item instanceof Failed f) {
            throw new HfthotException("the stream failed: " + f.error(), f.error());
        }
        closed = (Closed) item;
        return Optional.empty();
    }

    /**
     * Returns the close status and reason once the server has closed the connection.
     *
     * @return e.g. {@code 1001 idle timeout}, or empty while open
     */
    public Optional<String> closeStatus() {
        Closed c = closed;
        return c == null ? Optional.empty() : Optional.of(c.status() + " " + c.reason());
    }

    /**
     * A blocking iterator over the messages; it ends when the connection closes.
     *
     * @return the iterator
     */
    @Override
    public Iterator<StreamMessage> iterator() {
        return new Iterator<>() {
            private StreamMessage next;

            @Override
            public boolean hasNext() {
                while (next == null && !ended) {
                    next = LabStream.this.next(Duration.ofSeconds(1)).orElse(null);
                }
                return next != null;
            }

            @Override
            public StreamMessage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the stream has closed");
                }
                StreamMessage m = next;
                next = null;
                return m;
            }
        };
    }

    /**
     * The messages as a sequential {@link Stream}; closing it closes the connection.
     *
     * @return the stream
     */
    public Stream<StreamMessage> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    /** Closes the connection (normal closure, 1000); messages already buffered are dropped. */
    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "client closed").orTimeout(sendTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ws, e) -> socket.abort());
        } else {
            socket.abort();
        }
        ended = true;
    }
}
