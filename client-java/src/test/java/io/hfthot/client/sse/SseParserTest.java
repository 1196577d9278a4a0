package io.hfthot.client.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The parser against the HTML standard's event-stream examples and rules (section 9.2.6). */
class SseParserTest {
    private static List<SseEvent> parse(String stream) throws IOException {
        SseParser parser = new SseParser();
        BufferedReader reader = new BufferedReader(new StringReader(stream));
        List<SseEvent> events = new ArrayList<>();
        for (Optional<SseEvent> e = parser.next(reader); e.isPresent(); e = parser.next(reader)) {
            events.add(e.get());
        }
        return events;
    }

    @Test
    void multipleDataLinesAreJoinedWithLineFeeds() throws IOException {
        // The standard's stock-ticker example.
        assertEquals(List.of(new SseEvent("message", "YHOO\n+2\n10", "")), parse("data: YHOO\ndata: +2\ndata: 10\n\n"));
    }

    @Test
    void theStandardsFourBlockExample() throws IOException {
        String stream = ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n";
        assertEquals(List.of(new SseEvent("message", "first event", "1"), new SseEvent("message", "second event", ""),
                new SseEvent("message", " third event", "")), parse(stream));
    }

    @Test
    void emptyDataFieldsAndFieldsWithoutColon() throws IOException {
        // "data\n\ndata\ndata\n\ndata:" gives "" then "\n"; the last block has no blank line and is dropped.
        assertEquals(List.of(new SseEvent("message", "", ""), new SseEvent("message", "\n", "")),
                parse("data\n\ndata\ndata\n\ndata:"));
        assertEquals(List.of(new SseEvent("message", "test", ""), new SseEvent("message", "test", "")),
                parse("data:test\n\ndata: test\n\n"));
    }

    @Test
    void namedEventsResetToMessageAfterDispatch() throws IOException {
        String stream = "event: ready\ndata: {\"poll_seconds\":2}\n\nevent: ping\n\ndata: plain\n\n";
        // "event: ping" with no data dispatches nothing and does not leak its type into the next event.
        assertEquals(List.of(new SseEvent("ready", "{\"poll_seconds\":2}", ""), new SseEvent("message", "plain", "")),
                parse(stream));
    }

    @Test
    void crLfAndCrLineEndingsAreLineEndings() throws IOException {
        assertEquals(List.of(new SseEvent("idea", "a\nb", ""), new SseEvent("ping", "{}", "")),
                parse("event: idea\r\ndata: a\r\ndata: b\r\n\r\nevent: ping\rdata: {}\r\r"));
    }

    @Test
    void idWithNulIsIgnoredAndTheLastIdIsKept() throws IOException {
        assertEquals(List.of(new SseEvent("message", "x", "7"), new SseEvent("message", "y", "7")),
                parse("id: 7\ndata: x\n\nid: 8\u0000\ndata: y\n\n"));
    }

    @Test
    void retryTakesDigitsOnlyAndUnknownFieldsAreIgnored() throws IOException {
        SseParser parser = new SseParser();
        parser.line("retry: 1.5");
        assertEquals(OptionalLong.empty(), parser.retryMillis());
        parser.line("retry: 3000");
        parser.line("retry: soon");
        parser.line("colour: blue");
        assertEquals(OptionalLong.of(3000), parser.retryMillis());
        assertEquals(Optional.empty(), parser.line(""), "no data: nothing dispatched");
    }

    @Test
    void aLeadingByteOrderMarkIsDropped() throws IOException {
        assertEquals(List.of(new SseEvent("ready", "{}", "")), parse("\uFEFFevent: ready\ndata: {}\n\n"));
    }
}
