package io.hfthot.adapters.http.marketmaker;

import io.hfthot.adapters.http.EncodedText;
import io.hfthot.adapters.http.WebSocketConnection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends one broadcast message to many WebSocket connections from two threads: the caller's and one sender thread
 * of its own, each writing to half of the connections. A send is mostly the kernel write of the frame (10 to 12 us
 * a connection on loopback), so with 100 dashboards the last one of a single sending thread gets the message about
 * a millisecond after the first; two threads on two cores halve that.
 *
 * <p>Order per connection is kept: a connection always goes to the same thread (by its identity hash), and each
 * thread sends the messages in the order it was given them. Below {@link #MIN_TO_SPLIT} connections everything
 * is sent by the caller (the hand-off would cost more than it saves). The sender thread's queue is bounded and
 * drops its oldest message when full, as the event bus that feeds the broadcast does; each connection's own queue
 * and slow-client policy still apply to what it is given.
 */
final class SplitFanOut implements AutoCloseable {
    /** Fewest connections for which the second thread takes half of them. */
    static final int MIN_TO_SPLIT = 16;
    private static final int PENDING = 4096;

    private final ThreadPoolExecutor sender;

    SplitFanOut(String threadName) {
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(PENDING), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    /**
     * Sends a message to every connection; returns once the caller's half is sent (the other half may still be
     * being sent).
     *
     * @param message     the message, encoded once
     * @param connections the connections (read once, here)
     */
    void send(EncodedText message, Collection<WebSocketConnection> connections) {
        if (connections.size() < MIN_TO_SPLIT || sender.isShutdown()) {
            for (WebSocketConnection c : connections) {
                c.send(message);
            }
            return;
        }
        List<WebSocketConnection> mine = new ArrayList<>(connections.size() / 2 + 8);
        List<WebSocketConnection> theirs = new ArrayList<>(connections.size() / 2 + 8);
        for (WebSocketConnection c : connections) {
            (onSender(c) ? theirs : mine).add(c);
        }
        // Hand the other half over first, so that both halves are written at the same time.
        sender.execute(() -> {
            for (WebSocketConnection c : theirs) {
                c.send(message);
            }
        });
        for (WebSocketConnection c : mine) {
            c.send(message);
        }
    }

    /**
     * Whether a connection's messages go through the sender thread; fixed for the connection's life.
     *
     * @param c a connection
     * @return true for the sender thread's half
     */
    static boolean onSender(WebSocketConnection c) {
        return (mix(System.identityHashCode(c)) & 1) != 0;
    }

    /** Spreads the identity hash's bits so that its lowest bit splits connections about evenly. */
    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    /** Stops the sender thread; messages it has not sent yet are dropped (the connections are closing too). */
    @Override
    public void close() {
        sender.shutdownNow();
    }
}
