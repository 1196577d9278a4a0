package io.hfthot.adapters.sse;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every SSE stream of the process shares: a small pool that runs the streams' write steps, and one
 * scheduler thread for their heartbeats and cut-offs. Daemon threads, created on first use and kept for the
 * process's life (a stream ending at shutdown still needs them for its farewell).
 */
final class SseThreads {
    /**
     * Runs stream steps: each step only drains, frames from cache and starts a non-blocking write. A work-stealing
     * pool in FIFO mode: one published event schedules a step for each of (say) 1,000 streams from the publishing
     * thread, and its submission queues take those without the single lock of a {@code LinkedBlockingQueue}.
     */
    static final ExecutorService WRITERS = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("hfthot-sse-" + t.getPoolIndex());
                t.setDaemon(true);
                return t;
            }, null, true);
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
