package io.hfthot.server.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.hfthot.adapters.http.Slf4jAccessLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * {@link AccessLineEncoder} against the pattern it replaces: for any message and arguments, the same bytes as
 * logback's {@code PatternLayoutEncoder} with {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} ACCESS %msg%n}; and for any
 * {@link AccessEntry} handed over without an event, the same bytes as the event the SLF4J access log would have
 * logged with those values.
 */
class AccessLineEncoderProperties {
    private static final LoggerContext CONTEXT = new LoggerContext();
    private static final Logger LOGGER;
    private static final PatternLayoutEncoder PATTERN = new PatternLayoutEncoder();

    static {
        CONTEXT.setMDCAdapter(new LogbackMDCAdapter());
        LOGGER = CONTEXT.getLogger("io.hfthot.access");
        PATTERN.setContext(CONTEXT);
        PATTERN.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} ACCESS %msg%n"); // written out: not the constant
        PATTERN.start();
    }

    private final AccessLineEncoder encoder = new AccessLineEncoder();

    AccessLineEncoderProperties() {
        encoder.setContext(CONTEXT);
        encoder.start();
    }

    private static LoggingEvent event(long millis, String message, Object... args) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), LOGGER, Level.INFO, message, null, args);
        event.setTimeStamp(millis);
        return event;
    }

    @Property(tries = 2000, seed = "22")
    void sameBytesAsThePattern(@ForAll("millis") long millis, @ForAll("messages") String message,
                               @ForAll("arguments") List<Object> args) {
        LoggingEvent event = event(millis, message, args.toArray());
        assertArrayEquals(PATTERN.encode(event), encoder.encode(event),
                () -> "message '" + message + "' args " + args + ": expected '"
                        + new String(PATTERN.encode(event), StandardCharsets.UTF_8) + "', got '"
                        + new String(encoder.encode(event), StandardCharsets.UTF_8) + "'");
    }

    @Property(tries = 2000, seed = "2205")
    void anEntryGivesTheLineOfTheEventItReplaces(@ForAll("millis") long millis, @ForAll("fields") String surface,
                                                 @ForAll("fields") String requestId, @ForAll("fields") String method,
                                                 @ForAll("fields") String rawPath, @ForAll int status,
                                                 @ForAll("counts") long bytes, @ForAll("counts") long micros) {
        AccessEntry entry = new AccessEntry(millis, surface, requestId, method, rawPath, status, bytes, micros);
        // What Slf4jAccessLog logs for the same values: its format, the numbers boxed as SLF4J boxes them.
        LoggingEvent event = event(millis, Slf4jAccessLog.FORMAT, surface, requestId, method, rawPath, status, bytes,
                micros);
        LineBuffer line = new LineBuffer(16);
        encoder.encodeEntry(entry, line);
        assertArrayEquals(PATTERN.encode(event), line.toByteArray(), () -> entry + ": expected '"
                + new String(PATTERN.encode(event), StandardCharsets.UTF_8) + "', got '"
                + new String(line.toByteArray(), StandardCharsets.UTF_8) + "'");
    }

    @Example
    void theAccessFiltersLine() {
        LoggingEvent event = event(1_796_660_701_123L, "{} {} {} {} {} {}B {}us", "hfthot", "r-1", "GET",
                "/v1/market/ticker", 200, 123L, 45L);
        assertEquals("2026-12-07T16:25:01.123Z ACCESS hfthot r-1 GET /v1/market/ticker 200 123B 45us\n",
                new String(encoder.encode(event), StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Long> millis() {
        // 2000-01-01 to 2100-01-01, with many events inside one second to exercise the cached prefix.
        return Arbitraries.oneOf(Arbitraries.longs().between(946_684_800_000L, 4_102_444_800_000L),
                Arbitraries.longs().between(1_796_660_700_000L, 1_796_660_702_999L));
    }

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("{}", "{}", "{}", "GET ", "/v1/health", " ", "B", "us", "\\{}", "\\\\{}", "{", "}",
                        "é", "€", "😀", "\ud800", "\udc00x", ""),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6));
        return piece.list().ofMaxSize(9).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> fields() {
        // Anything a field may hold, placeholders, escapes, non-ASCII and lone surrogates included: an argument is
        // substituted as it is, never parsed again.
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(24),
                Arbitraries.of("hfthot", "GET", "/v1/market/ticker", "/v1/a%20b", "{}", "\\{}", "é/ü", "€",
                        "😀", "\ud83d", "x\udc00", ""),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<Long> counts() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-1, 10_000_000), Arbitraries.longs(),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L));
    }

    @Provide
    Arbitrary<List<Object>> arguments() {
        Arbitrary<Object> arg = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8).map(s -> (Object) s),
                Arbitraries.of("é/ü", "😀", "\ud83d", "").map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(Long.MIN_VALUE, 0L, -1L).map(l -> (Object) l),
                Arbitraries.just((Object) null),
                Arbitraries.just((Object) new int[] {1, 2}),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.just((Object) new IllegalStateException("trailing")));
        return arg.list().ofMaxSize(8);
    }
}
