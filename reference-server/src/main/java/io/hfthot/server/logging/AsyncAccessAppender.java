package io.hfthot.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The access log's appender: each request thread encodes its line into a buffer of its own; one writer thread
 * collects the buffers and writes them to the console in whole-buffer {@code write(2)} calls.
 *
 * <p>Why the request thread encodes: the values of a line (the request's path and id strings, its record) are in
 * that thread's cache when it logs; handed to a writer thread on the other core, each of them is a cache miss
 * there. Measured on the ticker route, the writer thread of the former design (a bounded queue of records, encoded
 * by the writer) spent about 1 us of CPU per line, of which encoding in a warm cache is about 0.1 us; encoding in
 * place costs the request thread that 0.1 us and leaves the writer only bulk copies (docs/performance.md, issue 22).
 * A per-thread buffer also takes no shared lock per line: the request thread holds its own buffer's monitor, which
 * the writer takes only once per pass.
 *
 * <p>Nothing is dropped. logback's own {@code AsyncAppender} discards INFO events once its queue is 80% full
 * (its {@code discardingThreshold}) and, with {@code neverBlock}, everything when full; an access log that loses
 * lines under exactly the load one wants to audit is no access log. Here a thread whose buffer reaches
 * {@code bufferSize} writes it out itself (back-pressure: requests slow down to what the disk takes), and lines that
 * could not be written because the console failed are counted ({@link #lostLines()}, exported as a metric by the
 * server).
 *
 * <p>Order: each thread's lines keep their order (its buffer is written whole, by whichever thread holds its
 * monitor). Lines of different threads are interleaved buffer by buffer, so within one pass of the writer they are
 * grouped by thread; their time stamps say when each was logged. Latency: a busy writer wakes every 5 ms on its own
 * timer and writes what gathered; an idle one sleeps until the next line wakes it. Either way a line reaches the
 * console within a few milliseconds. {@link #stop()} (logback's context stop at shutdown) writes every line
 * logged before it.
 *
 * <p>Two kinds of items: logback events (the {@link ch.qos.logback.core.Appender} contract) and, from
 * {@link LogbackAccessLog}, {@link AccessEntry} records that skip logback's event creation; both become the same line.
 * The encoder: {@link AccessLineEncoder} (the text format) encodes straight into the thread's buffer; any other
 * encoder (logback's {@code JsonEncoder} for {@code --log-format json}) is called on the request thread, so the
 * event's thread name and MDC are the request's.
 */
public final class AsyncAccessAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /**
     * How long a busy writer sleeps between passes: 5 ms. Each pass costs a timer wake-up and a {@code write(2)}
     * per thread with lines, so at 50,000 requests a second on two request threads it makes about 400 writes of
     * 12 KB a second; an access line reaching the file 5 ms later changes nothing for its readers.
     */
    private static final long GATHER_NANOS = 5_000_000;
    /** A thread's buffer starts this small and grows up to about {@code bufferSize} if its thread logs that much. */
    private static final int INITIAL_THREAD_BUFFER = 4096;

    private String target = "System.err";
    private int bufferSize = 64 * 1024;
    private Encoder<ILoggingEvent> encoder;

    private OutputStream sink;
    /** Held while writing to {@link #sink}: by the writer, or by a request thread that writes its full buffer. */
    private final Object sinkLock = new Object();
    /** Every thread's buffer, registered on its first line; a dead thread's is written and removed by the writer. */
    private final List<ThreadLines> threads = new CopyOnWriteArrayList<>();
    private final ThreadLocal<ThreadLines> local = ThreadLocal.withInitial(this::register);
    private Thread writer;
    private volatile boolean stopping;
    /**
     * True while the writer is parked with nothing to write: only then does a request thread wake it. Under load the
     * writer never sleeps this way, so requests pay no wake-up (see {@link #writeLoop}).
     */
    private volatile boolean sleeping;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();

    /** One thread's lines not yet written; guarded by its own monitor. */
    private static final class ThreadLines {
        private final Thread owner;
        private final LineBuffer buffer = new LineBuffer(INITIAL_THREAD_BUFFER);
        private long lines;

        ThreadLines(Thread owner) {
            this.owner = owner;
        }
    }

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
     * Sets how many bytes of lines a thread gathers before it writes them itself instead of waiting for the writer
     * (default 65536; at least 1024).
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

    /** @return lines lost because writing to the console failed, or because encoding them failed */
    public long lostLines() {
        return lost.get();
    }

    /** @return the threads whose buffers the writer holds (tests: ended threads are forgotten) */
    int registeredThreads() {
        return threads.size();
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
        if (bufferSize < 1024) {
            addError("bufferSize must be at least 1024 bytes, got " + bufferSize);
            return;
        }
        sink = out;
        writer = new Thread(this::writeLoop, "access-log-writer-" + getName());
        writer.setDaemon(true);
        super.start();
        writer.start();
    }

    private ThreadLines register() {
        ThreadLines t = new ThreadLines(Thread.currentThread());
        threads.add(t);
        return t;
    }

    @Override
    protected void append(ILoggingEvent event) {
        ThreadLines t = local.get();
        synchronized (t) {
            int before = t.buffer.size();
            try {
                if (encoder instanceof AccessLineEncoder lines) {
                    lines.encodeInto(event, t.buffer);
                } else {
                    byte[] bytes = encoder.encode(event);
                    t.buffer.put(bytes, 0, bytes.length);
                }
                added(t);
            } catch (RuntimeException e) {
                encodingFailed(t, before, e);
            }
        }
        wakeWriterIfSleeping();
    }

    /**
     * Writes a record without a logback event (see {@link LogbackAccessLog}): encoded as
     * {@link AccessLineEncoder#encodeEntry} encodes it, into the calling thread's buffer like {@link #append}.
     *
     * @param entry the record
     * @return false, with nothing written, when the appender is not started or its encoder is not an
     *         {@link AccessLineEncoder} (the caller then logs through logback)
     */
    boolean appendEntry(AccessEntry entry) {
        if (!isStarted() || !(encoder instanceof AccessLineEncoder lines)) {
            return false;
        }
        ThreadLines t = local.get();
        synchronized (t) {
            int before = t.buffer.size();
            try {
                lines.encodeEntry(entry, t.buffer);
                added(t);
            } catch (RuntimeException e) {
                encodingFailed(t, before, e);
            }
        }
        wakeWriterIfSleeping();
        return true;
    }

    /** Counts the line just encoded; writes the buffer from this thread when it is full. Holds {@code t}. */
    private void added(ThreadLines t) {
        t.lines++;
        if (t.buffer.size() >= bufferSize) {
            writeOut(t);
        }
    }

    private void encodingFailed(ThreadLines t, int before, RuntimeException e) {
        t.buffer.truncate(before); // no half line
        lost.incrementAndGet();
        addError("encoding an access-log line failed", e);
    }

    /**
     * The logging side of the sleep handshake: the line's monitor release comes before this volatile read, and the
     * writer's write of {@link #sleeping} comes before its last look at every buffer (each under that buffer's
     * monitor), so either the writer sees the line or this sees the writer asleep.
     */
    private void wakeWriterIfSleeping() {
        if (sleeping) {
            LockSupport.unpark(writer);
        }
    }

    private void writeLoop() {
        while (!stopping) {
            if (writeAll() == 0) {
                // Nothing was written: announce the sleep, look once more (a line logged before the announcement is
                // seen here), then park until a logger sees the flag and wakes us. Interrupts and spurious wake-ups
                // only lead to another pass; only stop() ends the writer.
                sleeping = true;
                if (!anyLines()) {
                    LockSupport.park(this);
                }
                sleeping = false;
                continue;
            }
            // Let lines gather before the next pass. Without the pause the writer would write after each line and
            // sleep again, so nearly every request would pay a wake-up (futex) of the writer; with it, a busy
            // server's writer wakes on its own timer every few milliseconds and finds lines waiting.
            LockSupport.parkNanos(GATHER_NANOS);
        }
        writeAll();
    }

    /** Writes every thread's lines; forgets the buffers of threads that have ended. Returns the lines written. */
    private long writeAll() {
        long lines = 0;
        for (ThreadLines t : threads) {
            boolean ended = !t.owner.isAlive(); // read before writing: an ended thread adds nothing after
            synchronized (t) {
                lines += writeOut(t);
            }
            if (ended) {
                threads.remove(t);
            }
        }
        return lines;
    }

    private boolean anyLines() {
        for (ThreadLines t : threads) {
            synchronized (t) {
                if (t.lines > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Writes one thread's lines in one call; the caller holds {@code t}. Returns how many lines it held. */
    private long writeOut(ThreadLines t) {
        long lines = t.lines;
        if (lines == 0) {
            return 0;
        }
        t.lines = 0;
        synchronized (sinkLock) {
            try {
                t.buffer.writeTo(sink);
                sink.flush();
                written.addAndGet(lines);
            } catch (IOException | RuntimeException e) {
                lost.addAndGet(lines);
                addError("writing " + lines + " access-log lines failed", e);
            }
        }
        return lines;
    }

    /**
     * Stops taking lines and waits (up to 30 s) until every line logged before is written; the console stays open.
     */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        stopping = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            addError("the access-log writer did not finish within 30 s (the console is not taking writes); "
                    + "lines logged since its last write are not written");
            return;
        }
        // A thread that passed doAppend's started check just before super.stop() may have logged after the
        // writer's last pass: write those here, now that the writer is gone.
        writeAll();
    }
}
