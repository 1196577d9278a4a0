package io.hfthot.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The access log's appender: request threads only enqueue the event; one writer thread encodes the lines into a
 * reused buffer and writes them to the console in whole-buffer {@code write(2)} calls.
 *
 * <p>Nothing is dropped. logback's own {@code AsyncAppender} discards INFO events once its queue is 80% full
 * (its {@code discardingThreshold}) and, with {@code neverBlock}, everything when full; an access log that loses
 * lines under exactly the load one wants to audit is no access log. Here a full queue makes the request thread wait
 * for the writer (back-pressure: requests slow down to what the disk takes), and lines that could not be written
 * because the console failed are counted ({@link #lostLines()}, exported as a metric by the server).
 *
 * <p>Order: one writer takes events in queue order, so the lines of each request thread keep their order. Latency:
 * a busy writer wakes every 5 ms on its own timer and encodes and writes what gathered (in
 * {@code bufferSize} pieces); an idle one sleeps until the next line wakes it. Either way a line reaches the
 * console within a few milliseconds. {@link #stop()} (logback's context stop at shutdown) writes every line
 * enqueued before it.
 *
 * <p>Two kinds of items: logback events (the {@link ch.qos.logback.core.Appender} contract) and, from
 * {@link LogbackAccessLog}, {@link AccessEntry} records that skip logback's event creation; both become the same line.
 *
 * <p>The encoder: {@link AccessLineEncoder} (the text format) encodes straight into the writer's buffer; any other
 * encoder (logback's {@code JsonEncoder} for {@code --log-format json}) is called by the writer, and then the event's
 * thread-dependent parts (thread name, MDC, formatted message) are captured on the request thread first, as
 * {@code AsyncAppender} does.
 */
public final class AsyncAccessAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /**
     * How long the writer lets lines gather after the first one before it drains the queue: 5 ms. Each batch costs
     * a timer wake-up and a {@code write(2)} whatever its size, so at 50,000 requests a second 5 ms makes about 200
     * writes of 25 KB a second instead of 1,000 of 5 KB (1 ms before), well inside the queue (8192) and the buffer
     * (64 KB); an access line reaching the file 5 ms later changes nothing for its readers.
     */
    private static final long GATHER_NANOS = 5_000_000;
    /** Tells the writer to finish; never logged. */
    private static final Object END = new Object();

    private String target = "System.err";
    private int queueSize = 8192;
    private int bufferSize = 64 * 1024;
    private Encoder<ILoggingEvent> encoder;

    /** Holds {@link ILoggingEvent}s and {@link AccessEntry}s. */
    private BlockingQueue<Object> queue;
    private OutputStream sink;
    private Thread writer;
    /** Confined to the writer thread, then to {@link #stop()} once the writer has ended. */
    private LineBuffer buffer;
    /** Lines in {@link #buffer} not yet written; confined like it. */
    private long pending;
    /**
     * True while the writer is parked with nothing to write: only then does a request thread wake it. Under load the
     * writer never sleeps this way, so requests pay no wake-up (see {@link #writeLoop}).
     */
    private volatile boolean sleeping;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();

    /** Creates the appender (logback instantiates it from logback.xml). */
    public AsyncAccessAppender() {
    }

    /**
     * Chooses the stream, {@code System.err} (default) or {@code System.out}.
     *
     * @param target the stream's name
     */
    public void setTarget(String target) {
        this.target = target;
    }

    /**
     * Sets how many events may wait for the writer before request threads block (default 8192; at least 16).
     *
     * @param queueSize the capacity
     */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    /**
     * Sets how many bytes the writer gathers before a write under load (default 65536; at least 1024).
     *
     * @param bufferSize the size
     */
    public void setBufferSize(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    /**
     * Sets the encoder: {@link AccessLineEncoder} for text, or any logback encoder.
     *
     * @param encoder the encoder
     */
    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    /** @return the encoder (tests) */
    public Encoder<ILoggingEvent> getEncoder() {
        return encoder;
    }

    /** @return lines written to the console since the start */
    public long writtenLines() {
        return written.get();
    }

    /** @return lines lost because writing to the console failed (never because the queue was full) */
    public long lostLines() {
        return lost.get();
    }

    @Override
    public void start() {
        FileDescriptor fd;
        if ("System.err".equals(target)) {
            fd = FileDescriptor.err;
        } else if ("System.out".equals(target)) {
            fd = FileDescriptor.out;
        } else {
            addError("target must be System.err or System.out, got '" + target + "'");
            return;
        }
        // Straight to the descriptor: System.err is a PrintStream that would flush after every write.
        startOn(new FileOutputStream(fd));
    }

    /**
     * Starts writing to a given stream (the console in {@link #start()}; a recorder in tests).
     *
     * @param out where lines go; never closed (it is the process's console)
     */
    void startOn(OutputStream out) {
        if (encoder == null) {
            addError("no encoder set for appender '" + getName() + "'");
            return;
        }
        if (queueSize < 16) {
            addError("queueSize must be at least 16, got " + queueSize);
            return;
        }
        if (bufferSize < 1024) {
            addError("bufferSize must be at least 1024 bytes, got " + bufferSize);
            return;
        }
        sink = out;
        queue = new ArrayBlockingQueue<>(queueSize);
        buffer = new LineBuffer(bufferSize + 1024);
        writer = new Thread(this::writeLoop, "access-log-writer-" + getName());
        writer.setDaemon(true);
        super.start();
        writer.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!(encoder instanceof AccessLineEncoder)) {
            event.prepareForDeferredProcessing();
        }
        enqueue(event);
    }

    /**
     * Enqueues a record for the writer without a logback event (see {@link LogbackAccessLog}): written as
     * {@link AccessLineEncoder#encodeEntry} encodes it, with the same waiting as {@link #append}.
     *
     * @param entry the record
     * @return false, with nothing enqueued, when the appender is not started or its encoder is not an
     *         {@link AccessLineEncoder} (the caller then logs through logback)
     */
    boolean appendEntry(AccessEntry entry) {
        if (!isStarted() || !(encoder instanceof AccessLineEncoder)) {
            return false;
        }
        enqueue(entry);
        return true;
    }

    /**
     * Waits for room when the queue is full; an interrupt is kept for the caller but never loses the line. Only a
     * writer that has died (an error it could not survive) makes the line count as lost instead of blocking the
     * request for good.
     */
    private void enqueue(Object event) {
        if (queue.offer(event)) {
            wakeWriterIfSleeping();
            return;
        }
        boolean interrupted = false;
        try {
            while (writer.isAlive()) {
                try {
                    if (queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
                        wakeWriterIfSleeping();
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            lost.incrementAndGet();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The enqueuing side of the sleep handshake: the offer (a lock release) comes before this volatile read, and the
     * writer's write of {@link #sleeping} comes before its last look at the queue (a lock acquisition), so either the
     * writer sees the line or this sees the writer asleep.
     */
    private void wakeWriterIfSleeping() {
        if (sleeping) {
            LockSupport.unpark(writer);
        }
    }

    private void writeLoop() {
        List<Object> batch = new ArrayList<>(queueSize);
        boolean end = false;
        while (!end) {
            Object first = queue.poll();
            if (first == null) {
                // Nothing to write: announce the sleep, look once more (a line enqueued before the announcement is
                // seen here), then park until an enqueuer sees the flag and wakes us. Interrupts and spurious
                // wake-ups only lead to another look; only stop() ends the writer, with END.
                sleeping = true;
                first = queue.poll();
                if (first == null) {
                    LockSupport.park(this);
                    sleeping = false;
                    continue;
                }
                sleeping = false;
            }
            batch.add(first);
            // Let a batch gather before draining. Without the pause the writer empties the queue after each event
            // and sleeps again, so nearly every request pays a wake-up (futex) of the writer: measured as the
            // largest part of the access log's cost (docs/performance.md, issue 22). With it, a busy server's writer
            // wakes on its own timer every few milliseconds and finds lines waiting, so requests wake nobody; why not
            // take(): ArrayBlockingQueue's take() waits on a condition that every offer signals, and the wake-up
            // through its lock cost request threads futex calls on each batch (perf stat, issue 22).
            LockSupport.parkNanos(GATHER_NANOS);
            queue.drainTo(batch);
            end = encodeAll(batch);
            batch.clear();
            writeOut();
        }
    }

    /** Encodes a batch, writing whenever the buffer is full; returns whether the batch held {@link #END}. */
    private boolean encodeAll(List<Object> batch) {
        boolean end = false;
        for (Object event : batch) {
            if (event == END) {
                end = true;
                continue;
            }
            encode(event);
            if (buffer.size() >= bufferSize) {
                writeOut();
            }
        }
        return end;
    }

    private void encode(Object item) {
        int before = buffer.size();
        try {
            if (item instanceof AccessEntry entry) {
                ((AccessLineEncoder) encoder).encodeEntry(entry, buffer); // appendEntry accepts only with this encoder
            } else if (encoder instanceof AccessLineEncoder lines) {
                lines.encodeInto((ILoggingEvent) item, buffer);
            } else {
                byte[] bytes = encoder.encode((ILoggingEvent) item);
                buffer.put(bytes, 0, bytes.length);
            }
            pending++;
        } catch (RuntimeException e) {
            buffer.truncate(before); // no half line
            lost.incrementAndGet();
            addError("encoding an access-log line failed", e);
        }
    }

    private void writeOut() {
        long lines = pending;
        pending = 0;
        try {
            buffer.writeTo(sink);
            sink.flush();
            written.addAndGet(lines);
        } catch (IOException | RuntimeException e) {
            lost.addAndGet(lines);
            addError("writing " + lines + " access-log lines failed", e);
        }
    }

    /**
     * Stops taking events and waits (up to 30 s) until every line enqueued before is written; the console stays
     * open.
     */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            // END behind every line enqueued so far (waiting for room if need be), then wait for the writer.
            while (writer.isAlive() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            LockSupport.unpark(writer);
            writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            addError("the access-log writer did not finish within 30 s; " + queue.size() + " lines not written");
            lost.addAndGet(queue.size());
            return;
        }
        // A request thread that passed doAppend's started check just before super.stop() may have enqueued
        // behind END (and a writer ended by an error leaves its queue): write those on this thread, now that the
        // writer is gone.
        List<Object> late = new ArrayList<>();
        queue.drainTo(late);
        encodeAll(late);
        writeOut();
    }
}
