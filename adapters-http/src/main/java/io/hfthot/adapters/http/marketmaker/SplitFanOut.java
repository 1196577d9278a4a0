package io.hfthot.adapters.http.marketmaker;

import io.hfthot.adapters.http.EncodedText;
import io.hfthot.adapters.http.WebSocketConnection;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one broadcast message to many WebSocket connections from two threads that share the work: the caller's
 * and a helper thread of its own. A send is mostly the kernel write of the frame (10 to 15 us a connection on
 * loopback), so one thread reaches the 100th dashboard more than a millisecond after the first; two threads on
 * two cores about halve that.
 *
 * <p>The two threads take connections one at a time from a shared counter, and the caller never waits for the
 * helper to start: when the helper wakes late (its core is busy, a wake-up on a virtual machine takes from 40 us to
 * milliseconds), the caller has simply sent more of them itself, so a message reaches everyone no later than one
 * thread alone would deliver it. (Handing the helper a fixed half, as this class first did, left that half waiting
 * for the helper's wake-up; measured in the market-maker load, up to 3 ms in the slowest ticks.) A connection whose
 * send is slow holds up only the thread sending it; the other takes the rest.
 *
 * <p>Order per connection is kept: {@link #send} does not start a message before every connection has been given
 * the previous one, whichever thread gave it. Below {@link #MIN_TO_SPLIT} connections the caller sends everything
 * (waking the helper would cost more than it saves). Calls to {@link #send} must not overlap (the surface calls it
 * from its bus listener, which runs serially).
 */
final class SplitFanOut implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SplitFanOut.class);
    /** Fewest connections for which the helper thread is asked to share the sends. */
    static final int MIN_TO_SPLIT = 16;
    /** How long the caller spins for the helper's last send before it starts parking. */
    private static final long SPIN_NANOS = 50_000;
    private static final long PARK_NANOS = 20_000;

    private final Thread helper;
    /** The message the helper should help with; replaced by each send that shares its work. */
    private volatile Batch offered;
    private volatile boolean closed;
    /** The last shared message: every connection must have it before the next message starts. Caller-side. */
    private Batch previous;

    /** One message and its connections, claimed one index at a time by whichever thread is free. */
    private static final class Batch {
        private final EncodedText message;
        private final WebSocketConnection[] targets;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger given = new AtomicInteger();

        Batch(EncodedText message, WebSocketConnection[] targets) {
            this.message = message;
            this.targets = targets;
        }

        /** Claims and sends until no connection is left; returns how many this thread sent. */
        int claimAndSend() {
            int sent = 0;
            for (int i = next.getAndIncrement(); i < targets.length; i = next.getAndIncrement()) {
                try {
                    targets[i].send(message);
                } finally {
                    given.incrementAndGet();
                }
                sent++;
            }
            return sent;
        }

        boolean complete() {
            return given.get() >= targets.length;
        }
    }

    SplitFanOut(String threadName) {
        this.helper = new Thread(this::help, threadName);
        helper.setDaemon(true);
        helper.start();
    }

    private void help() {
        Batch seen = null;
        while (!closed) {
            Batch b = offered;
            if (b == null || b == seen) {
                LockSupport.park(this); // unpark comes after offered is set, so no offer is missed
                continue;
            }
            seen = b;
            try {
                b.claimAndSend();
            } catch (RuntimeException e) {
                // A connection's send failing must not end the helper; the connection's own close handles it.
                LOG.warn("a broadcast send failed on the helper thread; the helper goes on", e);
            }
        }
    }

    /**
     * Sends a message to every connection; returns once the caller can take no more connections (the helper may
     * still be finishing the one it holds).
     *
     * @param message     the message, encoded once
     * @param connections the connections (read once, here)
     */
    void send(EncodedText message, Collection<WebSocketConnection> connections) {
        awaitGiven(previous);
        previous = null;
        WebSocketConnection[] targets = connections.toArray(new WebSocketConnection[0]);
        Batch b = new Batch(message, targets);
        if (targets.length >= MIN_TO_SPLIT && !closed) {
            offered = b;
            LockSupport.unpark(helper);
            previous = b;
        }
        b.claimAndSend();
    }

    /** Waits until every connection of a shared message has been given it (normally it already has). */
    private static void awaitGiven(Batch b) {
        if (b == null) {
            return;
        }
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (!b.complete()) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(PARK_NANOS);
            }
        }
    }

    /**
     * Stops the helper thread after the message it is helping with; later sends are made by the caller alone.
     */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(helper);
    }
}
