package io.hfthot.adapters.sse;

import io.hfthot.adapters.http.StreamSink;
import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.Subscription;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open SSE stream, written without a thread of its own: whenever the subscription has news, a heartbeat is
 * due, the last write completed or the route shuts down, a step runs on {@link SseThreads#WRITERS} (one step at a
 * time per stream). A step starts at most one write: the greeting first, then the subscription's queued events
 * (drained only when the previous write completed, so a slow client leaves them in the subscription's bounded
 * queue, whose overflow policy applies), a heartbeat, or the farewell, after which the response ends.
 *
 * <p>A client that stops reading: the write in flight stays pending, events queue in the subscription up to its
 * capacity, and its overflow policy decides; once the subscription closed (e.g. {@code CANCEL} on overflow) or
 * the server shuts down, a stream that still cannot write its farewell within {@link #cutOffAfter} is aborted.
 */
final class SseStream {
    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);
    /** Events drained per write; they are coalesced into one buffer. */
    private static final int BATCH = 64;

    private final SseChannel channel;
    private final Runnable onEnd;
    private final long heartbeatNanos;
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile StreamSink sink;
    private volatile boolean writing;
    private volatile boolean tick;
    private volatile boolean shutdown;
    private volatile Throwable failure;
    // Touched by steps only (one at a time, each step's writes made visible through wip's atomics).
    private boolean greeted;
    private boolean farewellWritten;
    private long lastWrite;
    private volatile ScheduledFuture<?> ticker;
    private volatile ScheduledFuture<?> cutOff;
    // Made once: a stream runs a step and completes a write per event, and each would otherwise allocate these.
    private final Runnable steps = this::steps;
    private final StreamSink.WriteCallback written = this::written;

    SseStream(SseChannel channel, Runnable onEnd) {
        this.channel = channel;
        this.onEnd = onEnd;
        this.heartbeatNanos = channel.heartbeatInterval().toNanos();
    }

    /** How long a closing stream may wait for the client to take its farewell before it is aborted. */
    Duration cutOffAfter() {
        return Duration.ofNanos(Math.max(2 * heartbeatNanos, TimeUnit.SECONDS.toNanos(2)));
    }

    /**
     * Starts writing to a sink; called once, by the transport, right after the headers.
     *
     * @param to the sink
     */
    void start(StreamSink to) {
        sink = to;
        channel.subscription().onActivity(this::signal);
        ticker = SseThreads.TIMERS.scheduleAtFixedRate(() -> {
            tick = true;
            signal();
        }, heartbeatNanos, heartbeatNanos, TimeUnit.NANOSECONDS);
        signal();
    }

    /** Ends the stream with the farewell for a server shutdown. */
    void shutdown() {
        shutdown = true;
        signal();
    }

    /** Schedules a step unless one is running, which then runs once more. */
    private void signal() {
        if (wip.getAndIncrement() == 0) {
            try {
                SseThreads.WRITERS.execute(steps);
            } catch (RejectedExecutionException e) {
                end(e);
            }
        }
    }

    private void steps() {
        int missed = 1;
        do {
            try {
                step();
            } catch (RuntimeException e) {
                LOG.warn("SSE stream failed; ending it", e);
                end(e);
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void step() {
        StreamSink to = sink;
        if (ended.get() || to == null) {
            return;
        }
        if (failure != null) {
            end(null);
            return;
        }
        if (writing) {
            armCutOff();
            return;
        }
        if (farewellWritten) {
            to.end();
            end(null);
            return;
        }
        if (!greeted) {
            greeted = true;
            List<SseEvent> greeting = channel.greeting();
            if (!greeting.isEmpty()) {
                write(to, concat(greeting.stream().map(SseFrame::of).toArray(SseFrame[]::new)));
                return;
            }
        }
        Subscription sub = channel.subscription();
        if (shutdown || !sub.isActive()) {
            farewell(to, shutdown ? CloseReason.BUS_CLOSED : sub.closeReason().orElse(CloseReason.UNSUBSCRIBED));
            return;
        }
        // Drains also re-check the subscription (HTI's feed re-reads the code's profile on each drain).
        List<Event> events = sub.drain(BATCH);
        if (!events.isEmpty()) {
            write(to, frames(events));
            return;
        }
        if (!sub.isActive()) {
            farewell(to, sub.closeReason().orElse(CloseReason.UNSUBSCRIBED));
            return;
        }
        if (tick) {
            tick = false;
            // Ticks come every interval; half of it without a write is quiet enough for a heartbeat, so a quiet
            // stream gets one per interval even when a tick runs a little late.
            if (System.nanoTime() - lastWrite >= heartbeatNanos / 2) {
                write(to, SseFrame.of(channel.heartbeat().get()).buffer());
            }
        }
    }

    private void farewell(StreamSink to, CloseReason reason) {
        if (channel.farewell() == null) {
            to.end();
            end(null);
            return;
        }
        farewellWritten = true;
        write(to, SseFrame.of(channel.farewell().apply(reason)).buffer());
    }

    private void write(StreamSink to, ByteBuffer bytes) {
        writing = true;
        lastWrite = System.nanoTime();
        to.write(bytes, written);
        if (writing) {
            armCutOff();
        }
    }

    /** Starts the cut-off clock once the stream is closing while a write is still pending. */
    private void armCutOff() {
        if (cutOff == null && (shutdown || farewellWritten || !channel.subscription().isActive())) {
            cutOff = SseThreads.TIMERS.schedule(this::cutOff, cutOffAfter().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void written(Throwable failed) {
        if (failed != null) {
            failure = failed;
        } else {
            writing = false;
        }
        signal();
    }

    /** A closing stream whose client did not take its last bytes in time: drop the connection. */
    private void cutOff() {
        if (!ended.get()) {
            LOG.debug("SSE client did not read its last events within {}; closing its connection", cutOffAfter());
            StreamSink to = sink;
            if (to != null) {
                to.abort(new IOException("the client stopped reading"));
            }
            end(null);
        }
    }

    /** Releases everything once: timers, the subscription, the route's count. */
    private void end(Throwable why) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (why != null && sink != null) {
            sink.abort(why);
        }
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (cutOff != null) {
            cutOff.cancel(false);
        }
        channel.subscription().close();
        onEnd.run();
    }

    /** The drained events framed by the channel's encoder (which may share a frame among streams), in one buffer. */
    private ByteBuffer frames(List<Event> events) {
        SseFrame[] framed = new SseFrame[events.size()];
        for (int i = 0; i < framed.length; i++) {
            framed[i] = channel.encoder().apply(events.get(i));
        }
        return concat(framed);
    }

    /** One buffer with the frames back to back; a single frame is written from its shared bytes. */
    private static ByteBuffer concat(SseFrame[] frames) {
        if (frames.length == 1) {
            return frames[0].buffer();
        }
        int size = 0;
        for (SseFrame f : frames) {
            size += f.size();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (SseFrame f : frames) {
            f.copyTo(out);
        }
        return out.flip();
    }
}
