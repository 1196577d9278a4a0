package io.hfthot.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BufferedConsoleAppenderTest {
    /** Records each write call separately, to tell one write per line from one write per buffer. */
    private static final class RecordingSink extends ByteArrayOutputStream {
        final List<String> writes = new ArrayList<>();
        final CountDownLatch firstWrite = new CountDownLatch(1);
        boolean closed;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            writes.add(new String(b, off, len, StandardCharsets.UTF_8));
            firstWrite.countDown();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A fresh context, with the MDC adapter logback's service provider would otherwise install. */
    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    private static BufferedConsoleAppender appender(LoggerContext context, long flushMillis) {
        BufferedConsoleAppender a = new BufferedConsoleAppender();
        a.setContext(context);
        a.setName("TEST");
        a.setFlushIntervalMillis(flushMillis);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        a.setEncoder(encoder);
        return a;
    }

    private static Logger logger(LoggerContext context, Appender<ILoggingEvent> a) {
        Logger log = context.getLogger("test.access");
        log.setAdditive(false);
        log.addAppender(a);
        return log;
    }

    @Test
    void linesWaitInTheBufferAndStopWritesThemInOneCallWithoutClosingTheSink() {
        LoggerContext context = context();
        BufferedConsoleAppender a = appender(context, 3_600_000);
        RecordingSink sink = new RecordingSink();
        a.startOn(sink);
        Logger log = logger(context, a);
        log.info("GET /v1/health 200");
        log.info("GET /v1/market/ohlcv 400");
        log.info("POST /v1/portfolio/optimize 200");
        assertTrue(sink.writes.isEmpty(), "nothing reaches the sink before a flush: " + sink.writes);
        a.stop();
        assertEquals(List.of("GET /v1/health 200\nGET /v1/market/ohlcv 400\nPOST /v1/portfolio/optimize 200\n"),
                sink.writes);
        assertFalse(sink.closed, "the console descriptor must stay open after the appender stops");
    }

    @Test
    void theTimerWritesALoneLineWithoutFurtherLogging() throws InterruptedException {
        LoggerContext context = context();
        BufferedConsoleAppender a = appender(context, 20);
        RecordingSink sink = new RecordingSink();
        a.startOn(sink);
        logger(context, a).info("only line");
        assertTrue(sink.firstWrite.await(30, TimeUnit.SECONDS), "the periodic flush never wrote the line");
        assertEquals("only line\n", sink.toString(StandardCharsets.UTF_8));
        a.stop();
    }

    @Test
    void aFullBufferIsWrittenAsWholeLines() {
        LoggerContext context = context();
        BufferedConsoleAppender a = appender(context, 3_600_000);
        a.setBufferSize(1024);
        RecordingSink sink = new RecordingSink();
        a.startOn(sink);
        Logger log = logger(context, a);
        String line = "x".repeat(99);
        for (int i = 0; i < 50; i++) {
            log.info(line);
        }
        a.stop();
        assertTrue(sink.writes.size() > 1, "50 lines of 100 bytes cannot fit a 1 KiB buffer");
        for (String w : sink.writes) {
            assertTrue(w.endsWith("\n") && w.length() % 100 == 0, "a write split a line: " + w.length() + " bytes");
        }
        assertEquals(5000, sink.size());
    }

    @Test
    void invalidSettingsLeaveItStopped() {
        LoggerContext context = context();
        BufferedConsoleAppender badTarget = appender(context, 200);
        badTarget.setTarget("System.in");
        badTarget.start();
        assertFalse(badTarget.isStarted());
        BufferedConsoleAppender tinyBuffer = appender(context, 200);
        tinyBuffer.setBufferSize(10);
        tinyBuffer.startOn(new RecordingSink());
        assertFalse(tinyBuffer.isStarted());
        BufferedConsoleAppender noInterval = appender(context, 0);
        noInterval.startOn(new RecordingSink());
        assertFalse(noInterval.isStarted());
    }

    @Test
    void theServersConfigurationSendsTheAccessLogThroughIt() throws Exception {
        LoggerContext context = context();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(BufferedConsoleAppenderTest.class.getResource("/logback.xml"));
        Logger access = context.getLogger("io.hfthot.access");
        assertFalse(access.isAdditive());
        Appender<ILoggingEvent> appender = access.getAppender("ACCESS");
        assertInstanceOf(BufferedConsoleAppender.class, appender);
        assertTrue(appender.isStarted());
        context.stop();
        assertFalse(appender.isStarted());
    }
}
