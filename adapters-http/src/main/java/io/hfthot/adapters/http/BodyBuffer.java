package io.hfthot.adapters.http;

import java.io.ByteArrayOutputStream;

/**
 * The buffer a request thread encodes its JSON response into, reused by the next response on that thread.
 *
 * <p>Why: Jackson's {@code writeValueAsBytes} builds a body in linked chunks and then copies them into an
 * exact-size array, which profiled at about a tenth of a 10 KB OHLCV answer's server time; encoding into a
 * reused array and writing that array as it is saves the chunks, the copy and the garbage. Reuse is safe
 * because the response stream is blocking: jetty-http-spi's is {@code Content.Sink.asOutputStream}, whose
 * {@code write} wraps the array and blocks until the sink's callback completes (the point after which a
 * {@code Content.Sink} no longer reads a buffer), and the JDK's own server copies into its socket buffer;
 * so once {@code write} and {@code close} returned, the next response may overwrite the array.
 *
 * <p>Memory stays bounded: a buffer that grew past {@link #RETAINED_BYTES} for a large answer is dropped
 * after that answer and the thread starts again from a small one, so each server thread keeps at most
 * {@code RETAINED_BYTES}. Not thread-safe: each instance belongs to one thread.
 */
final class BodyBuffer extends ByteArrayOutputStream {
    /** The largest buffer a thread keeps between responses. */
    static final int RETAINED_BYTES = 64 * 1024;
    private static final int INITIAL_BYTES = 16 * 1024;
    private static final ThreadLocal<BodyBuffer> PER_THREAD = ThreadLocal.withInitial(BodyBuffer::new);

    private BodyBuffer() {
        super(INITIAL_BYTES);
    }

    /**
     * Returns this thread's buffer, emptied.
     *
     * @return the buffer; give it back with {@link #release()} once the response is written
     */
    static BodyBuffer acquire() {
        BodyBuffer b = PER_THREAD.get();
        b.reset();
        return b;
    }

    /**
     * Returns the backing array; its first {@link #size()} bytes are the content.
     *
     * @return the array (not a copy: valid until the next write or {@link #release()})
     */
    byte[] array() {
        return buf;
    }

    /** Ends this response's use; a buffer grown past {@link #RETAINED_BYTES} is replaced by a small one. */
    void release() {
        if (buf.length > RETAINED_BYTES) {
            PER_THREAD.set(new BodyBuffer());
        }
    }

    /**
     * Returns how many bytes the array behind this buffer can hold.
     *
     * @return the capacity
     */
    int capacity() {
        return buf.length;
    }
}
