package io.hfthot.adapters.sse;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-for-line Java transcription of the SSE parser in the HTI seeds (001/002):
 * {@code response.iter_lines(...)} (which splits with Python's {@code str.splitlines()}), then
 * {@code line.strip()}, {@code event:}/{@code data:} prefixes and a blank line ending an event with
 * data. Used to check that our framing reads correctly in the seed's own client.
 */
final class SeedPythonParser {
    /** One parsed event as the seed's generator yields it. */
    record Parsed(String event, String data) {
    }

    private String eventName = "message";
    private final List<String> dataLines = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    final List<Parsed> events = new ArrayList<>();

    /** Feeds decoded text as it arrives; complete lines are parsed. */
    void feed(String text) {
        pending.append(text);
        int start = 0;
        for (int i = 0; i < pending.length(); i++) {
            char c = pending.charAt(i);
            if (isPythonLineBoundary(c)) {
                String line = pending.substring(start, i);
                if (c == '\r' && i + 1 < pending.length() && pending.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
                onLine(line);
            }
        }
        pending.delete(0, start);
    }

    /** The boundaries of Python's {@code str.splitlines()}. */
    static boolean isPythonLineBoundary(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c == '\u001c' || c == '\u001d'
                || c == '\u001e' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private void onLine(String rawLine) {
        String line = rawLine.strip();
        if (line.isEmpty()) {
            if (!dataLines.isEmpty()) {
                events.add(new Parsed(eventName, String.join("\n", dataLines)));
                eventName = "message";
                dataLines.clear();
            }
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        if (line.startsWith("event:")) {
            eventName = line.split(":", 2)[1].strip();
            return;
        }
        if (line.startsWith("data:")) {
            dataLines.add(line.split(":", 2)[1].strip());
        }
    }
}
