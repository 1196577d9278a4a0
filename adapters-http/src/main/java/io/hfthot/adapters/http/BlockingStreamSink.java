package io.hfthot.adapters.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link StreamSink} for transports that can only stream from the handler's thread (the JDK's own
 * {@code HttpServer}): writers hand each buffer over and return at once, and the request thread, parked in
 * {@link #run}, writes and flushes it, then reports. The stream thereby holds that one thread, as a
 * {@link Response.StreamingBody} does, but its producers never block on the client.
 */
final class BlockingStreamSink implements StreamSink {
    private final OutputStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private ByteBuffer next;
    private WriteCallback nextDone;
    private boolean over;
    private long written;

    BlockingStreamSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(ByteBuffer bytes, WriteCallback done) {
        lock.lock();
        try {
            if (!over) {
                if (next != null) {
                    throw new IllegalStateException("a write is already outstanding");
                }
                next = bytes;
                nextDone = done;
                changed.signal();
                return;
            }
        } finally {
            lock.unlock();
        }
        done.written(new IOException("the stream is over"));
    }

    @Override
    public void end() {
        finish();
    }

    /** The JDK API cannot drop a connection without ending it: the body ends, and the blocked write (if any) fails. */
    @Override
    public void abort(Throwable cause) {
        finish();
    }

    private void finish() {
        lock.lock();
        try {
            over = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes what is handed over until the body ends or a write fails; runs on the request thread.
     *
     * @throws IOException when a write failed (the client left) or the thread was interrupted
     */
    void run() throws IOException {
        while (true) {
            ByteBuffer bytes;
            WriteCallback done;
            lock.lock();
            try {
                while (next == null && !over) {
                    changed.await();
                }
                if (next == null) {
                    return;
                }
                bytes = next;
                done = nextDone;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                over = true;
                throw new InterruptedIOException("stream interrupted");
            } finally {
                lock.unlock();
            }
            try {
                int n = bytes.remaining();
                if (bytes.hasArray()) {
                    out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), n);
                } else {
                    byte[] copy = new byte[n];
                    bytes.duplicate().get(copy);
                    out.write(copy);
                }
                out.flush();
                written += n;
            } catch (IOException | RuntimeException e) {
                clear(true);
                done.written(e);
                throw e;
            }
            clear(false);
            done.written(null);
        }
    }

    private void clear(boolean end) {
        lock.lock();
        try {
            next = null;
            nextDone = null;
            over |= end;
        } finally {
            lock.unlock();
        }
    }

    /** @return the bytes written so far */
    long written() {
        return written;
    }
}
