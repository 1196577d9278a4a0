package io.hfthot.client.sse;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The event-stream interpretation of the HTML Living Standard, section 9.2.6 ("Interpreting an event stream"),
 * fed one line at a time. Line splitting (CRLF, LF or CR) is the caller's: {@link BufferedReader#readLine()}
 * splits exactly on those three. Rules implemented: a leading U+FEFF is dropped from the first line; an empty
 * line dispatches; a line starting with {@code :} is a comment; otherwise the field name is up to the first
 * {@code :} (the whole line when there is none) and one space after the colon is dropped; {@code event} sets the
 * type, {@code data} appends the value and a LF, {@code id} sets the last event id unless the value contains
 * U+0000, {@code retry} sets the reconnection time when the value is ASCII digits only; other fields are
 * ignored. Dispatch with an empty data buffer only resets the type; otherwise the final LF is removed and the
 * type defaults to {@code message}. Not thread safe: one parser per stream.
 */
public final class SseParser {
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventId = "";
    private long retryMillis = -1;
    private boolean first = true;

    /** Creates a parser at the start of a stream. */
    public SseParser() {
        // Nothing to set up: the fields above are the spec's initial state.
    }

    /**
     * Feeds one line (without its terminator).
     *
     * @param line the line
     * @return the event an empty line dispatches, or empty
     */
    public Optional<SseEvent> line(String line) {
        String l = line;
        if (first) {
            first = false;
            if (l.startsWith("\uFEFF")) {
                l = l.substring(1);
            }
        }
        if (l.isEmpty()) {
            return dispatch();
        }
        if (l.charAt(0) == ':') {
            return Optional.empty();
        }
        int colon = l.indexOf(':');
        String field = colon < 0 ? l : l.substring(0, colon);
        String value = colon < 0 ? "" : l.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    try {
                        retryMillis = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        // More digits than a long holds: the spec's "set the reconnection time" has no value
                        // to set, so the field is ignored.
                    }
                }
            }
            default -> {
                // Unknown fields are ignored (spec).
            }
        }
        return Optional.empty();
    }

    private Optional<SseEvent> dispatch() {
        if (data.length() == 0) {
            eventType = "";
            return Optional.empty();
        }
        data.setLength(data.length() - 1);
        SseEvent e = new SseEvent(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId);
        data.setLength(0);
        eventType = "";
        return Optional.of(e);
    }

    /**
     * Returns the reconnection time the server asked for with {@code retry:}.
     *
     * @return the time in ms, or empty when none was sent
     */
    public OptionalLong retryMillis() {
        return retryMillis < 0 ? OptionalLong.empty() : OptionalLong.of(retryMillis);
    }

    /**
     * Reads the next event from a reader; an event not terminated by an empty line before the end is
     * discarded (spec: "incomplete events are not dispatched").
     *
     * @param reader the stream's text
     * @return the event, or empty at the end of the stream
     * @throws IOException when reading fails
     */
    public Optional<SseEvent> next(BufferedReader reader) throws IOException {
        for (String l = reader.readLine(); l != null; l = reader.readLine()) {
            Optional<SseEvent> e = line(l);
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }
}
