package io.hfthot.adapters.sse;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every SSE stream of the process shares: a small pool that runs the streams' write steps, and one
 * scheduler thread for their heartbeats and cut-offs. Daemon threads, created on first use and kept for the
 * process's life (a stream ending at shutdown still needs them for its farewell).
 */
final class SseThreads {
    /** Runs stream steps: each step only drains, frames from cache and starts a non-blocking write. */
    static final ExecutorService WRITERS = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("hfthot-sse-"));
    /** Heartbeat ticks and cut-off timers of every stream. */
    static final ScheduledThreadPoolExecutor TIMERS = timers();

    private SseThreads() {
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemon("hfthot-sse-timer-"));
        // Cancelled ticks leave the queue at once: 1,000 streams coming and going must not pile them up.
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
