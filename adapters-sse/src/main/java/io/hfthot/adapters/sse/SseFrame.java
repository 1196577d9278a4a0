package io.hfthot.adapters.sse;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One event framed for the wire once, as UTF-8 bytes that any number of streams write: a bus event is framed
 * for all of its streams rather than once per stream. Immutable; the bytes are never exposed for writing.
 */
public final class SseFrame {
    private final byte[] bytes;

    private SseFrame(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Frames an event.
     *
     * @param event the event
     * @return the frame
     */
    public static SseFrame of(SseEvent event) {
        return new SseFrame(Objects.requireNonNull(event, "event").frameBytes());
    }

    /** @return the framed size in bytes */
    public int size() {
        return bytes.length;
    }

    /** @return a new read position over the shared bytes (sinks never write into a buffer they are given) */
    ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes);
    }

    /** Appends the bytes to {@code into}, which has room for them. */
    void copyTo(ByteBuffer into) {
        into.put(bytes);
    }
}
