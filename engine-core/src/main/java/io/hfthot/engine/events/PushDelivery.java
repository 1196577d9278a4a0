package io.hfthot.engine.events;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one subscription into its listener on a shared executor, one task at a time per
 * subscription (a mailbox), so each listener sees its events serially and in order without a thread
 * of its own.
 */
final class PushDelivery implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PushDelivery.class);
    /** Events handed to the listener per task before yielding the executor thread to other mailboxes. */
    private static final int BATCH = 64;

    private final EventListener listener;
    private final Executor executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closeDelivered = new AtomicBoolean();
    private volatile BoundedSubscription subscription;

    PushDelivery(EventListener listener, Executor executor) {
        this.listener = listener;
        this.executor = executor;
    }

    void attach(BoundedSubscription subscription) {
        this.subscription = subscription;
    }

    /** Schedules a drain unless one is already scheduled or running. */
    void schedule() {
        if (subscription == null || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this);
        } catch (RejectedExecutionException e) {
            // The executor is shutting down with the bus: deliver the close inline so the listener
            // still hears about it exactly once.
            scheduled.set(false);
            deliverCloseIfClosed();
        }
    }

    @Override
    public void run() {
        try {
            List<Event> batch = subscription.drain(BATCH);
            for (Event event : batch) {
                if (!subscription.isActive()) {
                    break;
                }
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("event listener failed on topic {} sequence {}; delivery continues",
                            event.topic(), event.sequence(), e);
                }
            }
            deliverCloseIfClosed();
        } finally {
            scheduled.set(false);
        }
        if (subscription.pending() > 0 || (!subscription.isActive() && !closeDelivered.get())) {
            schedule();
        }
    }

    private void deliverCloseIfClosed() {
        var reason = subscription.closeReason();
        if (reason.isPresent() && closeDelivered.compareAndSet(false, true)) {
            try {
                listener.onClose(reason.get());
            } catch (RuntimeException e) {
                LOG.warn("event listener failed in onClose on topic {}", subscription.topic(), e);
            }
        }
    }
}
