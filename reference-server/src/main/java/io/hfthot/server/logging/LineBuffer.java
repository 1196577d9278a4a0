package io.hfthot.server.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that lines are encoded into as UTF-8 and that is written out and reused, so that encoding
 * a line allocates nothing. Not thread-safe: one writer owns it.
 */
final class LineBuffer {
    private byte[] bytes;
    private int size;

    /**
     * Creates the buffer.
     *
     * @param capacity the initial capacity in bytes; it grows when a line does not fit
     */
    LineBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** @return the number of bytes held */
    int size() {
        return size;
    }

    /**
     * Appends one byte (ASCII).
     *
     * @param b the byte
     */
    void put(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    /**
     * Appends bytes.
     *
     * @param b   the bytes (not modified)
     * @param off the first
     * @param len how many
     */
    void put(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    /**
     * Appends a non-negative or negative decimal number without going through a string.
     *
     * @param v the number
     */
    void putDecimal(long v) {
        if (v == Long.MIN_VALUE) {
            putUtf8(Long.toString(v), 0, 20);
            return;
        }
        if (v < 0) {
            put((byte) '-');
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        ensure(digits);
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += digits;
    }

    /**
     * Appends characters encoded as UTF-8, like {@code String.getBytes(UTF_8)} (a lone surrogate becomes {@code ?}).
     *
     * @param s    the characters
     * @param from the first index
     * @param to   one past the last index
     */
    void putUtf8(CharSequence s, int from, int to) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[size++] = (byte) c; // room: ensured for every remaining character at one byte each
            } else {
                i = putNonAscii(s, i, to);
            }
        }
    }

    /** Encodes the non-ASCII character at {@code i} (a pair when it is a high surrogate); returns the last index used. */
    private int putNonAscii(CharSequence s, int i, int to) {
        ensure(4 + (to - i));
        char c = s.charAt(i);
        if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | (c >> 6));
            bytes[size++] = (byte) (0x80 | (c & 0x3F));
            return i;
        }
        if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                bytes[size++] = (byte) (0xF0 | (cp >> 18));
                bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (cp & 0x3F));
                return i + 1;
            }
            bytes[size++] = (byte) '?';
            return i;
        }
        bytes[size++] = (byte) (0xE0 | (c >> 12));
        bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
        return i;
    }

    /**
     * Writes everything held to a stream in one call and empties the buffer.
     *
     * @param out the stream
     * @throws IOException from the stream; the buffer is emptied anyway
     */
    void writeTo(OutputStream out) throws IOException {
        try {
            if (size > 0) {
                out.write(bytes, 0, size);
            }
        } finally {
            size = 0;
        }
    }

    /** @return a copy of the bytes held */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /**
     * Drops the bytes after a given size (to undo a partly written line).
     *
     * @param newSize the size to go back to, at most {@link #size()}
     */
    void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("newSize must be within 0.." + size + ", got " + newSize);
        }
        size = newSize;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
