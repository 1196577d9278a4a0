package io.hfthot.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A console appender for high-volume lines (the access log): lines are encoded on the logging thread
 * into a buffer, and the buffer reaches the console when it is full or, at the latest, every
 * {@code flushIntervalMillis} (default 200 ms), like nginx's {@code access_log ... buffer= flush=}.
 *
 * <p>Why it exists: logback's {@code ConsoleAppender} writes through {@code System.err}, a
 * {@code PrintStream} that flushes on every write, so each line costs a {@code write(2)}, and its
 * {@code AsyncAppender} only moves that cost to a worker thread woken per line. Under load that was
 * the largest part of the HTTP adapter's per-request cost (measured in {@code docs/performance.md}).
 * logback has no periodic flush for a buffered stream ({@code immediateFlush=false} alone would hold
 * lines until 64 KiB accumulate), hence this small subclass; airlift's HTTP request log does the same.
 *
 * <p>Lines are written whole: every flush writes complete lines, so they never interleave mid-line with
 * the other appenders writing to the same descriptor, but they may appear up to one interval later than
 * lines logged at the same time through {@code System.err}. The buffer is flushed when the appender
 * stops; stop the logger context at shutdown so the last lines are not lost.
 */
public final class BufferedConsoleAppender extends OutputStreamAppender<ILoggingEvent> {
    private String target = "System.err";
    private int bufferSize = 64 * 1024;
    private long flushIntervalMillis = 200;
    private ScheduledExecutorService flusher;

    /**
     * Chooses the stream, {@code System.err} (default) or {@code System.out}.
     *
     * @param target the stream's name
     */
    public void setTarget(String target) {
        this.target = target;
    }

    /**
     * Sets the buffer size in bytes (default 65536; at least 1024).
     *
     * @param bufferSize the size
     */
    public void setBufferSize(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    /**
     * Sets the longest time a line waits in the buffer, in milliseconds (default 200; at least 1).
     *
     * @param flushIntervalMillis the interval
     */
    public void setFlushIntervalMillis(long flushIntervalMillis) {
        this.flushIntervalMillis = flushIntervalMillis;
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
        startOn(new FileOutputStream(fd));
    }

    /**
     * Starts writing to a given stream (the console in {@link #start()}; a recorder in tests).
     *
     * @param sink where buffered lines go; flushed at stop, never closed (it is the process's console)
     */
    void startOn(OutputStream sink) {
        if (bufferSize < 1024) {
            addError("bufferSize must be at least 1024 bytes, got " + bufferSize);
            return;
        }
        if (flushIntervalMillis < 1) {
            addError("flushIntervalMillis must be at least 1, got " + flushIntervalMillis);
            return;
        }
        setOutputStream(new BufferedOutputStream(new KeepOpen(sink), bufferSize));
        setImmediateFlush(false);
        super.start();
        if (!isStarted()) {
            return;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "logback-flush-" + getName());
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, flushIntervalMillis, flushIntervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Writes out whatever is buffered; called by the timer and at stop. */
    void flush() {
        streamWriteLock.lock();
        try {
            OutputStream out = getOutputStream();
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            addError("flushing the console buffer failed", e);
        } finally {
            streamWriteLock.unlock();
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
        }
        flush();
        super.stop();
    }

    /** Passes writes through; closing the appender must not close the process's stdout or stderr. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream console) {
            super(console);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
