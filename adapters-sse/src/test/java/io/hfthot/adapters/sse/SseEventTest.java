package io.hfthot.adapters.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.adapters.http.JsonCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SseEventTest {
    private final JsonCodec codec = JsonCodec.standard();

    @Test
    void framesEventIdRetryAndData() {
        assertEquals("event: idea\nid: 7\nretry: 3000\ndata: {\"a\":1}\n\n",
                SseEvent.of("idea", "{\"a\":1}").withId("7").withRetry(Duration.ofSeconds(3)).frame());
        assertEquals("data: plain\n\n", SseEvent.of(null, "plain").frame());
        assertEquals(": keepalive\n\n", SseEvent.comment("keepalive").frame());
    }

    @Test
    void multiLineDataBecomesOneDataLinePerLineWhateverTheLineBreak() {
        assertEquals("event: note\ndata: one\ndata: two\ndata: three\ndata: four\ndata: \n\n",
                SseEvent.of("note", "one\ntwo\r\nthree\rfour\n").frame());
        assertEquals("data: \n\n", SseEvent.of(null, "").frame());
    }

    @Test
    void lineBreaksInEventOrIdAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SseEvent.of("a\nb", "x"));
        assertTrue(e.getMessage().startsWith("event must be a single line"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SseEvent.of("a", "x").withId("1\r2"));
        assertThrows(IllegalArgumentException.class, () -> SseEvent.of("a", "x").withId("1\0"));
    }

    @Test
    void theSeedsPythonParserReadsOurFramesIncludingUnicodeLineSeparators() throws Exception {
        Map<String, Object> idea = Map.of("TITLE", "BTC long\u2028breakout\u0085now", "TIMEFRAME", "4h");
        SeedPythonParser parser = new SeedPythonParser();
        parser.feed(SseEvent.json("ready", codec, Map.of("status", "connected")).frame());
        parser.feed(SseEvent.comment("keepalive").frame());
        parser.feed(SseEvent.json("idea", codec, idea).withId("3").frame());
        String ping = SseEvent.json("ping", codec, Map.of("ts", "2026-01-19T14:30:00Z")).frame();
        parser.feed(ping.substring(0, 5));
        parser.feed(ping.substring(5));
        assertEquals(List.of("ready", "idea", "ping"), parser.events.stream().map(SeedPythonParser.Parsed::event).toList());
        Map<?, ?> decoded = new ObjectMapper().readValue(parser.events.get(1).data(), Map.class);
        assertEquals(idea, decoded);
    }

    @Test
    void multiLineTextSurvivesTheSeedParserAsJoinedLines() {
        SeedPythonParser parser = new SeedPythonParser();
        parser.feed(SseEvent.of("error", "first\nsecond").frame());
        assertEquals(new SeedPythonParser.Parsed("error", "first\nsecond"), parser.events.get(0));
    }
}
