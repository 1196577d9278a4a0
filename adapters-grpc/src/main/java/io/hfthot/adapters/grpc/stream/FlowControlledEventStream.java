package io.hfthot.adapters.grpc.stream;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.EventListener;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Feeds one {@link io.hfthot.engine.events.EventBus} subscription into one gRPC server stream, writing
 * only while the transport says the client can take more.
 *
 * <p>Why not simply call {@code onNext} for every event: grpc-java queues every message handed to a
 * stream whose client has stopped reading, without bound. This bridge instead honours
 * {@link ServerCallStreamObserver#isReady()}: events wait in a bounded buffer of {@code capacity} and,
 * when it is full, the oldest is dropped (a live feed favours fresh data; consumers see the gap in the
 * per-topic sequence number). Writing resumes from the transport's on-ready callback.
 *
 * <p>Threading: events arrive on the bus's delivery thread, readiness on a gRPC executor thread; one
 * work-in-progress counter lets exactly one of them drain the buffer at a time, so {@code onNext} is
 * never called concurrently and no thread ever blocks. When the client cancels (or the call ends), the
 * bus subscription is closed and {@code onEnd} runs once.
 *
 * @param <T> the message type of the stream
 */
public final class FlowControlledEventStream<T> implements EventListener {
    private final ServerCallStreamObserver<T> observer;
    private final Function<Event, T> encoder;
    private final Runnable onEnd;
    private final int capacity;
    private final ArrayDeque<Event> buffer;
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile Subscription subscription;
    private volatile boolean cancelled;
    private volatile CloseReason busClosed;
    private volatile String shutdownReason;

    private FlowControlledEventStream(ServerCallStreamObserver<T> observer, Function<Event, T> encoder,
                                      int capacity, Runnable onEnd) {
        this.observer = observer;
        this.encoder = encoder;
        this.capacity = capacity;
        this.onEnd = onEnd;
        this.buffer = new ArrayDeque<>(Math.min(capacity, 4096));
    }

    /**
     * Opens a source of events, e.g. {@code (options, listener) -> engine.subscribeTicks(symbol, options, listener)}.
     */
    @FunctionalInterface
    public interface Source {
        /**
         * Subscribes a listener.
         *
         * @param options  the queue bound and overflow policy to subscribe with
         * @param listener the listener to register
         * @return the subscription
         */
        Subscription subscribe(SubscriptionOptions options, EventListener listener);
    }

    /**
     * Subscribes and starts streaming; must be called from the service method, before it returns, since
     * grpc-java accepts the on-ready and on-cancel handlers only then.
     *
     * <p>The subscription is made first: when {@code source} throws (e.g. an unknown symbol), nothing has
     * been registered on the call, {@code onEnd} does not run and the exception reaches the caller.
     *
     * @param source   where the events come from
     * @param capacity the most events buffered for this client while it is not ready, in {@code [1, 1_000_000]}
     * @param observer the server side of the call
     * @param encoder  turns an event into a message; runs on the draining thread
     * @param onEnd    runs once when the stream ends for any reason (e.g. to release a stream slot)
     * @param <T>      the message type
     * @return the running stream
     */
    public static <T> FlowControlledEventStream<T> start(Source source, int capacity,
                                                         ServerCallStreamObserver<T> observer,
                                                         Function<Event, T> encoder, Runnable onEnd) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(onEnd, "onEnd");
        if (capacity < 1 || capacity > SubscriptionOptions.MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be in [1, " + SubscriptionOptions.MAX_CAPACITY
                    + "], got " + capacity);
        }
        FlowControlledEventStream<T> stream = new FlowControlledEventStream<>(observer, encoder, capacity, onEnd);
        // The bus's own queue only bridges the gap between publication and this listener, which never
        // blocks; the client-facing bound is this class's buffer. Events that arrive before the handlers
        // below are set are safe: drain() only asks isReady() and writes.
        stream.subscription = source.subscribe(new SubscriptionOptions(capacity, OverflowPolicy.DROP_OLDEST), stream);
        // grpc-java delivers a cancellation through the call's serialized executor after this service
        // method returns, so a handler set here still hears about a cancel that raced with subscribing.
        observer.setOnReadyHandler(stream::drain);
        observer.setOnCancelHandler(stream::cancel);
        observer.setOnCloseHandler(stream::end);
        return stream;
    }

    @Override
    public void onEvent(Event event) {
        if (ended.get()) {
            return;
        }
        synchronized (buffer) {
            if (buffer.size() == capacity) {
                buffer.pollFirst();
                dropped.incrementAndGet();
            }
            buffer.addLast(event);
        }
        drain();
    }

    @Override
    public void onClose(CloseReason reason) {
        if (reason != CloseReason.UNSUBSCRIBED) {
            busClosed = reason;
            drain();
        }
    }

    /**
     * Returns how many events this client lost because it read more slowly than they were published.
     *
     * @return the count since the stream started
     */
    public long dropped() {
        return dropped.get() + (subscription == null ? 0 : subscription.dropped());
    }

    /**
     * Returns how many messages were handed to the transport.
     *
     * @return the count since the stream started
     */
    public long sent() {
        return sent.get();
    }

    /**
     * Ends the stream now with UNAVAILABLE, dropping what is buffered (e.g. because the server stops), so
     * the client learns at once that it should reconnect; does nothing when the stream already ended.
     *
     * @param reason the description sent to the client
     */
    public void shutdown(String reason) {
        shutdownReason = Objects.requireNonNull(reason, "reason");
        drain();
    }

    /**
     * Tells whether the stream has ended (cancelled, completed or failed).
     *
     * @return true once ended
     */
    public boolean isEnded() {
        return ended.get();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!ended.get()) {
                drainWhileReady();
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void drainWhileReady() {
        String shutdown = shutdownReason;
        if (shutdown != null && !cancelled) {
            observer.onError(Status.UNAVAILABLE.withDescription(shutdown).asRuntimeException());
            end();
            return;
        }
        while (!cancelled && observer.isReady()) {
            Event next;
            synchronized (buffer) {
                next = buffer.pollFirst();
            }
            if (next == null) {
                break;
            }
            observer.onNext(encoder.apply(next));
            sent.incrementAndGet();
        }
        CloseReason reason = busClosed;
        if (reason != null && !cancelled && isBufferEmpty()) {
            // The server is going away (the bus closed): tell the client to reconnect rather than leave it
            // waiting on a stream that will never carry another event.
            observer.onError(Status.UNAVAILABLE.withDescription("the event stream closed: " + reason).asRuntimeException());
            end();
        }
    }

    private boolean isBufferEmpty() {
        synchronized (buffer) {
            return buffer.isEmpty();
        }
    }

    private void cancel() {
        cancelled = true;
        end();
    }

    private void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        Subscription s = subscription;
        if (s != null) {
            s.close();
        }
        synchronized (buffer) {
            buffer.clear();
        }
        onEnd.run();
    }
}
