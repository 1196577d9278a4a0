package io.hfthot.engine.events;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A subscription backed by a bounded queue guarded by one lock; the in-memory bus's building block.
 * The two hooks let the bus remove it on close and schedule push delivery when events arrive.
 */
final class BoundedSubscription implements Subscription {
    private final String topic;
    private final SubscriptionOptions options;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Event> queue;
    private final Consumer<BoundedSubscription> onClosed;
    private final Runnable onActivity;
    private volatile Runnable watcher = () -> { };
    private long dropped;
    private volatile CloseReason closeReason;

    /**
     * Creates an open subscription.
     *
     * @param topic      the topic
     * @param options    bound and overflow policy
     * @param onClosed   called once, outside the lock, when the subscription closes
     * @param onActivity called outside the lock after an event was queued or the subscription closed
     */
    BoundedSubscription(String topic, SubscriptionOptions options, Consumer<BoundedSubscription> onClosed,
                        Runnable onActivity) {
        this.topic = topic;
        this.options = options;
        this.queue = new ArrayDeque<>(Math.min(options.capacity(), 64));
        this.onClosed = onClosed;
        this.onActivity = onActivity;
    }

    /**
     * Queues an event according to the overflow policy.
     *
     * @param event the event
     */
    void offer(Event event) {
        boolean cancel = false;
        lock.lock();
        try {
            if (closeReason != null) {
                return;
            }
            if (queue.size() < options.capacity()) {
                queue.addLast(event);
            } else {
                switch (options.overflowPolicy()) {
                    case DROP_OLDEST -> {
                        queue.pollFirst();
                        queue.addLast(event);
                        dropped++;
                    }
                    case DROP_NEWEST -> dropped++;
                    case CANCEL -> cancel = true;
                    default -> throw new IllegalStateException("unknown policy " + options.overflowPolicy());
                }
            }
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        if (cancel) {
            closeWith(CloseReason.OVERFLOW);
        } else {
            onActivity.run();
            watcher.run();
        }
    }

    /**
     * Closes with a reason unless already closed.
     *
     * @param reason why
     */
    void closeWith(CloseReason reason) {
        lock.lock();
        try {
            if (closeReason != null) {
                return;
            }
            closeReason = reason;
            queue.clear();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        onClosed.accept(this);
        onActivity.run();
        watcher.run();
    }

    @Override
    public void onActivity(Runnable callback) {
        watcher = java.util.Objects.requireNonNull(callback, "callback");
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Optional<Event> poll(Duration timeout) throws InterruptedException {
        long nanos = timeout.isNegative() ? 0 : timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty() && closeReason == null) {
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return Optional.ofNullable(queue.pollFirst());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Event> drain(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        lock.lock();
        try {
            int n = Math.min(max, queue.size());
            List<Event> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(queue.pollFirst());
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isActive() {
        return closeReason == null;
    }

    @Override
    public Optional<CloseReason> closeReason() {
        return Optional.ofNullable(closeReason);
    }

    @Override
    public void close() {
        closeWith(CloseReason.UNSUBSCRIBED);
    }

    @Override
    public String toString() {
        return "Subscription[topic=" + topic + ", options=" + options + ", closeReason=" + closeReason + "]";
    }
}
