package io.hfthot.adapters.http.jetty;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.EncodedText;
import io.hfthot.adapters.http.JsonCodec;
import io.hfthot.adapters.http.QueryParams;
import io.hfthot.adapters.http.SlowClientPolicy;
import io.hfthot.adapters.http.WebSocketConnection;
import io.hfthot.adapters.http.WebSocketEndpoint;
import io.hfthot.adapters.http.WebSocketRoute;
import io.hfthot.adapters.http.WebSocketSettings;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's side of a {@link WebSocketConnection}: adapts Jetty's session listener to a
 * {@link WebSocketEndpoint} and owns the bounded send queue. Public only because Jetty requires
 * WebSocket listener classes to be public; create it through {@link TransportServer}.
 *
 * <p>At most one frame is handed to Jetty at a time; the rest wait in the queue. A client that stops
 * reading leaves that one frame unfinished, the queue fills, and the endpoint's
 * {@link SlowClientPolicy} applies, so server memory per connection stays bounded.
 */
public final class JettyWebSocketConnection extends Session.Listener.AbstractAutoDemanding
        implements WebSocketConnection {
    private static final Logger LOG = LoggerFactory.getLogger(JettyWebSocketConnection.class);
    /** Abort connections whose close frame cannot be delivered (the peer stopped reading). */
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hfthot-ws-timers");
        t.setDaemon(true);
        return t;
    });
    private static final long CLOSE_GRACE_MILLIS = 1000;

    private final WebSocketRoute route;
    private final UpgradeRequestContext upgrade;
    private final JsonCodec codec;
    private final WebSocketSettings settings;
    /** Messages waiting for the one in flight: {@code String}s and {@link EncodedText}s. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final AtomicBoolean closedOnce = new AtomicBoolean();
    private long queuedChars;
    private long dropped;
    private boolean sending;
    private volatile boolean open;
    private volatile java.util.concurrent.ScheduledFuture<?> keepAlive;

    JettyWebSocketConnection(WebSocketRoute route, UpgradeRequestContext upgrade, JsonCodec codec) {
        this.route = route;
        this.upgrade = upgrade;
        this.codec = codec;
        this.settings = route.settings();
    }

    @Override
    public void onWebSocketOpen(Session session) {
        super.onWebSocketOpen(session);
        session.setIdleTimeout(settings.idleTimeout());
        session.setMaxTextMessageSize(settings.maxTextMessageBytes());
        open = true;
        route.opened(this);
        if (!settings.keepAlivePing().isZero()) {
            long every = settings.keepAlivePing().toMillis();
            keepAlive = TIMERS.scheduleAtFixedRate(() -> {
                if (session.isOpen()) {
                    session.sendPing(java.nio.ByteBuffer.allocate(0), Callback.NOOP);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        try {
            route.endpoint().onOpen(this);
        } catch (RuntimeException e) {
            LOG.warn("WebSocket {} onOpen failed on {}", id(), route.path(), e);
            close(StatusCode.SERVER_ERROR, "internal error");
        }
    }

    @Override
    public void onWebSocketText(String message) {
        try {
            route.endpoint().onText(this, message);
        } catch (ApiException e) {
            // A bad message is the client's fault: answer in the surface's shape, keep the connection.
            sendJson(java.util.Map.of("type", "error", "code", e.kind().name(), "message", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("WebSocket {} onText failed on {}", id(), route.path(), e);
            close(StatusCode.SERVER_ERROR, "internal error");
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("WebSocket {} on {} failed: {}", id(), route.path(), cause.toString());
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closed(statusCode, reason == null ? "" : reason);
    }

    private void closed(int statusCode, String reason) {
        if (!closedOnce.compareAndSet(false, true)) {
            return;
        }
        open = false;
        route.closed(this);
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        List<AutoCloseable> toClose;
        synchronized (this) {
            queue.clear();
            queuedChars = 0;
            toClose = new ArrayList<>(resources);
            resources.clear();
        }
        for (AutoCloseable r : toClose) {
            closeQuietly(r);
        }
        try {
            route.endpoint().onClose(this, statusCode, reason);
        } catch (RuntimeException e) {
            LOG.warn("WebSocket {} onClose failed on {}", id(), route.path(), e);
        }
    }

    @Override
    public String id() {
        return upgrade.requestId();
    }

    @Override
    public QueryParams query() {
        return upgrade.query();
    }

    @Override
    public Map<String, Object> attributes() {
        return upgrade.attributes();
    }

    @Override
    public boolean sendJson(Object value) {
        return send(codec.encodeToString(value));
    }

    @Override
    public boolean send(String text) {
        return enqueue(text, text.length());
    }

    @Override
    public boolean send(EncodedText message) {
        return enqueue(message, message.byteLength());
    }

    /**
     * Sends a message now when nothing is in flight, else queues it under the slow-client policy.
     *
     * @param message a {@code String} or an {@link EncodedText}
     * @param size    what it counts against {@link WebSocketSettings#sendQueueBytes()}: a String's UTF-16 units,
     *                an encoded message's bytes (the same for the ASCII of JSON)
     */
    private boolean enqueue(Object message, int size) {
        boolean overflow = false;
        synchronized (this) {
            if (!open) {
                return false;
            }
            if (sending) {
                while (queue.size() >= settings.sendQueueMessages()
                        || (queuedChars + size > settings.sendQueueBytes() && !queue.isEmpty())) {
                    if (settings.slowClientPolicy() == SlowClientPolicy.DISCONNECT) {
                        overflow = true;
                        break;
                    }
                    queuedChars -= sizeOf(queue.pollFirst());
                    dropped++;
                }
                if (!overflow) {
                    queue.addLast(message);
                    queuedChars += size;
                    return true;
                }
            } else {
                sending = true;
            }
        }
        if (overflow) {
            LOG.info("WebSocket {} on {}: send queue full ({} messages); closing the slow client", id(), route.path(),
                    settings.sendQueueMessages());
            close(StatusCode.POLICY_VIOLATION, "send queue full");
            return false;
        }
        pump(message);
        return true;
    }

    private static int sizeOf(Object message) {
        return message instanceof EncodedText e ? e.byteLength() : ((String) message).length();
    }

    /** Sends messages until the queue is empty or a send completes asynchronously. */
    private void pump(Object first) {
        Object msg = first;
        while (msg != null) {
            SendCallback cb = new SendCallback();
            Session session = getSession();
            if (session == null) {
                return;
            }
            if (msg instanceof EncodedText e && session instanceof WebSocketSession ws) {
                // Jetty's API Session only sends a String, which it encodes to UTF-8 again for every connection;
                // its core session takes a text frame whose payload is the bytes already encoded once for all.
                // The frame gets its own view of the shared buffer: the flusher moves only that view's position.
                ws.getCoreSession().sendFrame(new Frame(OpCode.TEXT, e.bytes()), cb, false);
            } else {
                session.sendText(msg instanceof EncodedText e ? e.text() : (String) msg, cb);
            }
            synchronized (cb) {
                cb.inCall = false;
                if (!cb.done || cb.failed) {
                    return;
                }
            }
            msg = nextOrIdle();
        }
    }

    private synchronized Object nextOrIdle() {
        Object next = queue.pollFirst();
        if (next == null) {
            sending = false;
        } else {
            queuedChars -= sizeOf(next);
        }
        return next;
    }

    /**
     * Completion of one send, from either of Jetty's callback types (the API session's and the core session's);
     * continues the pump when the send finished asynchronously.
     */
    private final class SendCallback implements Callback, org.eclipse.jetty.util.Callback {
        private boolean inCall = true;
        private boolean done;
        private boolean failed;

        @Override
        public void succeed() {
            synchronized (this) {
                done = true;
                if (inCall) {
                    return;
                }
            }
            pump(nextOrIdle());
        }

        @Override
        public void fail(Throwable cause) {
            synchronized (this) {
                done = true;
                failed = true;
            }
            LOG.debug("WebSocket {} send failed: {}", id(), cause.toString());
            synchronized (JettyWebSocketConnection.this) {
                queue.clear();
                queuedChars = 0;
                sending = false;
            }
        }

        @Override
        public void succeeded() {
            succeed();
        }

        @Override
        public void failed(Throwable cause) {
            fail(cause);
        }
    }

    @Override
    public void close(int code, String reason) {
        Session session = getSession();
        open = false;
        if (session == null) {
            return;
        }
        session.close(code, reason, Callback.NOOP);
        // A peer that does not read never receives the close frame; drop the TCP connection then.
        TIMERS.schedule(() -> {
            if (session.isOpen() || !closedOnce.get()) {
                session.disconnect();
            }
        }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public synchronized int queuedMessages() {
        return queue.size();
    }

    @Override
    public synchronized long droppedMessages() {
        return dropped;
    }

    @Override
    public void closeOnDisconnect(AutoCloseable resource) {
        synchronized (this) {
            if (!closedOnce.get()) {
                resources.add(resource);
                return;
            }
        }
        closeQuietly(resource);
    }

    private void closeQuietly(AutoCloseable r) {
        try {
            r.close();
        } catch (Exception e) {
            LOG.warn("closing {} for WebSocket {} failed", r, id(), e);
        }
    }
}
