package io.hfthot.adapters.http;

import io.hfthot.engine.lab.compute.CancelSignal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a running computation that its HTTP client went away, so that the computation is stopped instead of
 * finishing for nobody: a {@link CancelSignal} per request connection, fired when the kernel's TCP table
 * ({@link KernelTcpTable}) shows the client closed or reset the connection.
 *
 * <p>One daemon thread polls the table every {@link #POLL} while at least one signal is registered, reading it
 * once for all of them; with none registered a poll costs nothing. Cancelling is therefore late by at most one
 * poll (250 ms), against compute deadlines of seconds.
 *
 * <p>Limits, by design: a client that half-closes its side (shutdown of output) and still waits for the answer
 * looks gone and is cancelled; HTTP clients do not do that. Where the kernel publishes no TCP table (not Linux)
 * the signals never fire and the compute deadline alone bounds the work, as before.
 */
final class ClientDisconnectWatch {
    /** How often the TCP table is read while signals are registered. */
    static final Duration POLL = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(ClientDisconnectWatch.class);
    private static final ClientDisconnectWatch SHARED = new ClientDisconnectWatch(KernelTcpTable::read);

    private final Supplier<Optional<KernelTcpTable>> tables;
    private final Map<Watcher, KernelTcpTable.Connection> watched = new ConcurrentHashMap<>();
    private final Object startLock = new Object();
    private ScheduledExecutorService poller;
    private volatile boolean unavailableLogged;

    ClientDisconnectWatch(Supplier<Optional<KernelTcpTable>> tables) {
        this.tables = tables;
    }

    /**
     * Returns the process-wide watch.
     *
     * @return the watch
     */
    static ClientDisconnectWatch shared() {
        return SHARED;
    }

    /**
     * Returns the signal that fires when the client of a connection goes away.
     *
     * @param local  the server's side of the connection
     * @param remote the client's side
     * @return the signal ({@link CancelSignal#NONE} when either address is unknown)
     */
    CancelSignal signalFor(InetSocketAddress local, InetSocketAddress remote) {
        if (local == null || remote == null || local.getAddress() == null || remote.getAddress() == null) {
            return CancelSignal.NONE;
        }
        KernelTcpTable.Connection connection = KernelTcpTable.Connection.of(local, remote);
        return cancel -> {
            Watcher watcher = new Watcher(cancel);
            watched.put(watcher, connection);
            ensurePolling();
            return () -> watched.remove(watcher);
        };
    }

    /** Reads the table once and fires the signals of every connection whose client is gone. */
    void pollOnce() {
        if (watched.isEmpty()) {
            return;
        }
        Optional<KernelTcpTable> table = tables.get();
        if (table.isEmpty()) {
            if (!unavailableLogged) {
                unavailableLogged = true;
                LOG.info("no kernel TCP table here (/proc/net/tcp): computations are not cancelled when an HTTP"
                        + " client disconnects; their deadline still applies");
            }
            return;
        }
        Set<Map.Entry<Watcher, KernelTcpTable.Connection>> entries = watched.entrySet();
        for (Map.Entry<Watcher, KernelTcpTable.Connection> e : entries) {
            if (!table.get().peerConnected(e.getValue()) && watched.remove(e.getKey()) != null) {
                e.getKey().cancel().run();
            }
        }
    }

    private void ensurePolling() {
        synchronized (startLock) {
            if (poller != null) {
                return;
            }
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hfthot-disconnect-watch");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(() -> {
                try {
                    pollOnce();
                } catch (RuntimeException e) {
                    // A failed poll must not end the schedule; the next one reads the table again.
                    LOG.warn("disconnect watch poll failed", e);
                }
            }, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One registration; identity equality, so the same action registered twice is two watchers. */
    private static final class Watcher {
        private final Runnable cancel;

        Watcher(Runnable cancel) {
            this.cancel = cancel;
        }

        Runnable cancel() {
            return cancel;
        }
    }
}
