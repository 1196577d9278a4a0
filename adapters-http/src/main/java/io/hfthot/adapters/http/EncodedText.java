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
    private final String text;
    private final ByteBuffer utf8;

    private EncodedText(String text) {
        this.text = text;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        this.utf8 = direct.asReadOnlyBuffer();
    }

    /**
     * Encodes a message.
     *
     * @param text the message
     * @return the encoded message
     */
    public static EncodedText of(String text) {
        return new EncodedText(Objects.requireNonNull(text, "text"));
    }

    /** @return the message as text */
    public String text() {
        return text;
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
