package io.hfthot.adapters.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A text message encoded to UTF-8 once, for sending the same message to many WebSocket connections: a transport
 * that can write bytes (the Jetty one) hands every connection a view of the same read-only direct buffer, so a
 * broadcast to N dashboards costs one encoding and no per-connection copy into native memory. Immutable and
 * thread-safe.
 */
public final class EncodedText {
    private final ByteBuffer utf8;
    /** The message as text: given, or decoded from the bytes on first use (a benign race decodes equal strings). */
    private volatile String text;

    private EncodedText(String text, byte[] bytes, int offset, int length) {
        this.text = text;
        ByteBuffer direct = ByteBuffer.allocateDirect(length);
        direct.put(bytes, offset, length).flip();
        this.utf8 = direct.asReadOnlyBuffer();
    }

    /**
     * Encodes a message.
     *
     * @param text the message
     * @return the encoded message
     */
    public static EncodedText of(String text) {
        byte[] bytes = Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
        return new EncodedText(text, bytes, 0, bytes.length);
    }

    /**
     * Wraps a message already encoded to UTF-8 (a writer that produces bytes directly, such as a stream's own
     * encoder); the bytes are copied, so the caller may reuse its array.
     *
     * @param utf8   the array holding the encoded message; not modified
     * @param offset where the message starts
     * @param length its length in bytes
     * @return the encoded message
     * @throws IndexOutOfBoundsException when the range is outside the array
     */
    public static EncodedText ofUtf8(byte[] utf8, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(utf8, "utf8").length);
        return new EncodedText(null, utf8, offset, length);
    }

    /** @return the message as text */
    public String text() {
        String t = text;
        if (t == null) {
            t = StandardCharsets.UTF_8.decode(bytes()).toString();
            text = t;
        }
        return t;
    }

    /** @return the length of its UTF-8 encoding in bytes */
    public int byteLength() {
        return utf8.limit();
    }

    /**
     * Returns the UTF-8 bytes as a new read-only view with its own position, so concurrent writers never disturb
     * one another.
     *
     * @return the bytes, position 0, limit {@link #byteLength()}
     */
    public ByteBuffer bytes() {
        return utf8.duplicate();
    }
}
