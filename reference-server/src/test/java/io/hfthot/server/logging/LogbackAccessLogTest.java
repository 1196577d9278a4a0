package io.hfthot.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.hfthot.adapters.http.AccessLog;
import io.hfthot.adapters.http.Slf4jAccessLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;

/**
 * {@link LogbackAccessLog}: records skip logback's event only under the server's own text configuration, give the
 * line the SLF4J call gives, follow the level switch and a new configuration, and every other configuration gets the
 * SLF4J call itself.
 */
class LogbackAccessLogTest {
    /** The fallback: counts the records that went through SLF4J instead of straight to the appender. */
    private static final class CountingFallback implements AccessLog {
        final List<String> requestIds = new ArrayList<>();

        @Override
        public synchronized void record(String surface, String requestId, String method, String rawPath, int status,
                                        long bytes, long micros) {
            requestIds.add(requestId);
        }
    }

    private static Logger accessLogger(LoggerContext context) {
        Logger access = context.getLogger(Slf4jAccessLog.LOGGER);
        access.setAdditive(false);
        access.setLevel(Level.INFO);
        return access;
    }

    private static AsyncAccessAppender textAppender(LoggerContext context, RecordingSink sink) {
        AsyncAccessAppender a = AsyncAccessAppenderTest.appender(context, AsyncAccessAppenderTest.text(context));
        a.startOn(sink);
        accessLogger(context).addAppender(a);
        return a;
    }

    /** A context whose access logger has the server's text appender (recording to a sink), and the access log over it. */
    private record DirectPath(LoggerContext context, RecordingSink sink, AsyncAccessAppender appender,
                              CountingFallback fallback, LogbackAccessLog log) {
        static DirectPath start() {
            LoggerContext context = AsyncAccessAppenderTest.context();
            RecordingSink sink = new RecordingSink();
            AsyncAccessAppender appender = textAppender(context, sink);
            CountingFallback fallback = new CountingFallback();
            return new DirectPath(context, sink, appender, fallback, new LogbackAccessLog(context, fallback));
        }
    }

    /** The part of a line after its time stamp, which the two paths take a few microseconds apart. */
    private static String afterStamp(String line) {
        return line.substring(line.indexOf(" ACCESS "));
    }

    @Test
    void theServersConfigurationGetsTheRecordDirectlyAndTheSameLineAsTheSlf4jCall() {
        DirectPath d = DirectPath.start();
        LogbackAccessLog log = d.log();
        log.record("hfthot", "r-1", "GET", "/v1/market/ticker", 200, 86, 31);
        log.record("hti", "r-2", "POST", null, 429, -1, 7);
        // The same values through the SLF4J call that the direct path replaces.
        Logger access = d.context().getLogger(Slf4jAccessLog.LOGGER);
        access.info(Slf4jAccessLog.FORMAT, "hfthot", "r-1", "GET", "/v1/market/ticker", 200, 86L, 31L);
        access.info(Slf4jAccessLog.FORMAT, "hti", "r-2", "POST", null, 429, -1L, 7L);
        d.appender().stop();
        assertEquals(List.of(), d.fallback().requestIds, "the server's configuration takes the direct path");
        String[] lines = d.sink().text().split("\n");
        assertEquals(4, lines.length);
        assertEquals(" ACCESS hfthot r-1 GET /v1/market/ticker 200 86B 31us", afterStamp(lines[0]));
        assertEquals(afterStamp(lines[2]), afterStamp(lines[0]));
        assertEquals(" ACCESS hti r-2 POST null 429 -1B 7us", afterStamp(lines[1]));
        assertEquals(afterStamp(lines[3]), afterStamp(lines[1]));
        assertTrue(lines[0].matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ACCESS .*"), lines[0]);
    }

    @Test
    void theLevelSwitchTurnsItOffAndOnAgainAtRunTime() {
        DirectPath d = DirectPath.start();
        LogbackAccessLog log = d.log();
        Logger access = d.context().getLogger(Slf4jAccessLog.LOGGER);
        access.setLevel(Level.OFF); // what HFTHOT_ACCESS_LOG=OFF sets
        log.record("hfthot", "off-1", "GET", "/v1/health", 200, 15, 3);
        access.setLevel(Level.WARN);
        log.record("hfthot", "off-2", "GET", "/v1/health", 200, 15, 3);
        access.setLevel(Level.INFO);
        log.record("hfthot", "on-1", "GET", "/v1/health", 200, 15, 3);
        d.appender().stop();
        assertEquals(List.of(), d.fallback().requestIds);
        assertEquals(1, d.appender().writtenLines());
        assertTrue(d.sink().text().contains(" on-1 "), d.sink().text());
    }

    @Test
    void anyOtherConfigurationGoesThroughSlf4j() {
        List<Consumer<LoggerContext>> others = List.of(
                // the JSON format: its encoder needs the logback event
                context -> {
                    JsonEncoder json = new JsonEncoder();
                    json.setContext(context);
                    json.start();
                    AsyncAccessAppender a = AsyncAccessAppenderTest.appender(context, json);
                    a.startOn(new RecordingSink());
                    accessLogger(context).addAppender(a);
                },
                // additive: the root's appenders must see the event too
                context -> {
                    textAppender(context, new RecordingSink());
                    context.getLogger(Slf4jAccessLog.LOGGER).setAdditive(true);
                },
                // a second appender beside the access appender
                context -> {
                    textAppender(context, new RecordingSink());
                    AsyncAccessAppender second = AsyncAccessAppenderTest.appender(context,
                            AsyncAccessAppenderTest.text(context));
                    second.setName("SECOND");
                    second.startOn(new RecordingSink());
                    context.getLogger(Slf4jAccessLog.LOGGER).addAppender(second);
                },
                // a filter on the appender decides on the event
                context -> textAppender(context, new RecordingSink()).addFilter(new Filter<>() {
                    @Override
                    public FilterReply decide(ch.qos.logback.classic.spi.ILoggingEvent event) {
                        return FilterReply.NEUTRAL;
                    }
                }),
                // a turbo filter may look at the message and arguments
                context -> {
                    textAppender(context, new RecordingSink());
                    TurboFilter turbo = new TurboFilter() {
                        @Override
                        public FilterReply decide(Marker marker, Logger logger, Level level, String format,
                                                  Object[] params, Throwable t) {
                            return FilterReply.NEUTRAL;
                        }
                    };
                    turbo.start();
                    context.addTurboFilter(turbo);
                },
                // no appender at all
                context -> accessLogger(context));
        for (int i = 0; i < others.size(); i++) {
            LoggerContext context = AsyncAccessAppenderTest.context();
            others.get(i).accept(context);
            CountingFallback fallback = new CountingFallback();
            LogbackAccessLog log = new LogbackAccessLog(context, fallback);
            log.record("hfthot", "r-" + i, "GET", "/v1/health", 200, 15, 3);
            assertEquals(List.of("r-" + i), fallback.requestIds, "configuration " + i + " must go through SLF4J");
            context.stop();
        }
    }

    @Test
    void aNewConfigurationAfterAResetIsFollowed() {
        LoggerContext context = AsyncAccessAppenderTest.context();
        CountingFallback fallback = new CountingFallback();
        LogbackAccessLog log = new LogbackAccessLog(context, fallback);
        // First a configuration without the access appender (JSON, say)...
        accessLogger(context);
        log.record("hfthot", "before", "GET", "/v1/health", 200, 15, 3);
        assertEquals(List.of("before"), fallback.requestIds);
        // ...then a reset and the text configuration: the records go straight to the new appender.
        context.reset();
        RecordingSink sink = new RecordingSink();
        AsyncAccessAppender text = textAppender(context, sink);
        log.record("hfthot", "after", "GET", "/v1/health", 200, 15, 3);
        // And a stopped appender is never written to: the record goes through SLF4J (which reports the stop).
        text.stop();
        log.record("hfthot", "stopped", "GET", "/v1/health", 200, 15, 3);
        assertEquals(List.of("before", "stopped"), fallback.requestIds);
        assertEquals(1, text.writtenLines());
        assertTrue(sink.text().contains(" after "), sink.text());
    }
}
