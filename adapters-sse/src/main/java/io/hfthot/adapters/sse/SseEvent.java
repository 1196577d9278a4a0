package io.hfthot.adapters.sse;

import io.hfthot.adapters.http.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * One Server-Sent Event, or a comment line, and its wire framing per the WHATWG HTML "Server-sent
 * events" section: optional {@code event:}, {@code id:} and {@code retry:} fields, one {@code data:}
 * line per line of data (CR LF, CR and LF all split lines), and a blank line ending the event.
 *
 * @param event   the event type ({@code ready}, {@code ping}, {@code idea}, ...), or null for the
 *                default {@code message}; no line breaks
 * @param data    the data, possibly multi-line; null only for comments
 * @param id      the last-event id, or null; no line breaks or NUL
 * @param retry   the reconnection delay to advise, or null
 * @param comment a comment (heartbeat) instead of an event, or null
 */
public record SseEvent(String event, String data, String id, Duration retry, String comment) {
    /** Validates the fields. */
    public SseEvent {
        if (comment == null) {
            Objects.requireNonNull(data, "data");
        } else if (event != null || data != null || id != null || retry != null) {
            throw new IllegalArgumentException("a comment carries no event, data, id or retry");
        }
        requireSingleLine(event, "event");
        requireSingleLine(id, "id");
        requireSingleLine(comment, "comment");
        if (id != null && id.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("id must not contain NUL, got '" + id + "'");
        }
        if (retry != null && retry.isNegative()) {
            throw new IllegalArgumentException("retry must be >= 0, got " + retry);
        }
    }

    private static void requireSingleLine(String s, String field) {
        if (s != null && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException(field + " must be a single line, got '" + s.replace("\n", "\\n")
                    .replace("\r", "\\r") + "'");
        }
    }

    /**
     * A named event with text data.
     *
     * @param event the event type
     * @param data  the data
     * @return the event
     */
    public static SseEvent of(String event, String data) {
        return new SseEvent(event, data, null, null, null);
    }

    /**
     * A named event whose data is a value encoded as one line of JSON. Besides CR and LF (which JSON
     * escapes anyway), U+0085, U+2028 and U+2029 are escaped too: Python's {@code str.splitlines()}
     * (used by {@code requests.iter_lines}, as in the HTI seed's client) breaks lines on them.
     *
     * @param event the event type
     * @param codec the JSON codec
     * @param value the value
     * @return the event
     */
    public static SseEvent json(String event, JsonCodec codec, Object value) {
        return of(event, escapeLineSeparators(codec.encodeToString(value)));
    }

    /**
     * A comment line, ignored by clients; keeps idle connections and proxies alive.
     *
     * @param text the comment
     * @return the comment
     */
    public static SseEvent comment(String text) {
        return new SseEvent(null, null, null, null, text);
    }

    /**
     * Returns a copy with an id.
     *
     * @param newId the id
     * @return the event
     */
    public SseEvent withId(String newId) {
        return new SseEvent(event, data, newId, retry, comment);
    }

    /**
     * Returns a copy with a retry advice.
     *
     * @param delay the reconnection delay
     * @return the event
     */
    public SseEvent withRetry(Duration delay) {
        return new SseEvent(event, data, id, delay, comment);
    }

    /**
     * Frames the event for the wire.
     *
     * @return the text, ending with a blank line
     */
    public String frame() {
        StringBuilder sb = new StringBuilder(64 + (data == null ? 0 : data.length()));
        if (comment != null) {
            return sb.append(": ").append(comment).append("\n\n").toString();
        }
        if (event != null) {
            sb.append("event: ").append(event).append('\n');
        }
        if (id != null) {
            sb.append("id: ").append(id).append('\n');
        }
        if (retry != null) {
            sb.append("retry: ").append(retry.toMillis()).append('\n');
        }
        int start = 0;
        int n = data.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? data.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                sb.append("data: ").append(data, start, i).append('\n');
                if (c == '\r' && i + 1 < n && data.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        return sb.append('\n').toString();
    }

    /**
     * Frames the event as UTF-8 bytes.
     *
     * @return the bytes
     */
    public byte[] frameBytes() {
        return frame().getBytes(StandardCharsets.UTF_8);
    }

    static String escapeLineSeparators(String json) {
        if (json.indexOf('\u2028') < 0 && json.indexOf('\u2029') < 0 && json.indexOf('\u0085') < 0) {
            return json;
        }
        // These code points can only occur inside JSON strings, where a \\u escape means the same.
        return json.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\u0085", "\\u0085");
    }
}
