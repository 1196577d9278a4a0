package io.hfthot.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AsyncAccessAppenderTest {
    /** A fresh context, with the MDC adapter logback's service provider would otherwise install. */
    static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    static AccessLineEncoder text(LoggerContext context) {
        AccessLineEncoder text = new AccessLineEncoder();
        text.setContext(context);
        text.start();
        return text;
    }

    static Encoder<ILoggingEvent> messageOnly(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        return encoder;
    }

    static AsyncAccessAppender appender(LoggerContext context, Encoder<ILoggingEvent> encoder) {
        AsyncAccessAppender a = new AsyncAccessAppender();
        a.setContext(context);
        a.setName("TEST");
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
    void aLoneLineIsWrittenPromptlyAndStopLeavesTheConsoleOpen() throws InterruptedException {
        LoggerContext context = context();
        AsyncAccessAppender a = appender(context, messageOnly(context));
        RecordingSink sink = new RecordingSink();
        a.startOn(sink);
        logger(context, a).info("GET /v1/health {}", 200);
        assertTrue(sink.firstWrite.await(30, TimeUnit.SECONDS), "the writer never wrote the line");
        assertEquals("GET /v1/health 200\n", sink.text());
        a.stop();
        assertFalse(sink.closed, "the console descriptor must stay open after the appender stops");
        assertEquals(1, a.writtenLines());
        assertEquals(0, a.lostLines());
    }

    @Test
    void aStalledConsoleBlocksTheLoggersAndLosesNothingInOrderPerThread() throws Exception {
        LoggerContext context = context();
        RecordingSink sink = new RecordingSink();
        AsyncAccessAppender a = smallAppenderOnAStalledSink(context, messageOnly(context), sink);
        Logger log = logger(context, a);
        int threads = 4;
        int perThread = 2_000;
        String[] lines = linesThroughAStalledConsole(a, sink, threads, perThread,
                (id, i) -> log.info("t{} n{} {}", id, i, "x".repeat(40)));
        assertInOrderPerThread(lines, line -> {
            String[] parts = line.split(" ");
            return new String[] {parts[0], parts[1].substring(1)};
        });
        assertEquals(threads * perThread, a.writtenLines());
        assertTrue(sink.writeSizes.stream().allMatch(size -> size < 1024 + 2 * 60), "writes of about one buffer");
    }

    @Test
    void stopWritesEveryLineLoggedBefore() {
        TextLog t = TextLog.start();
        IntStream.range(0, 10_000).forEach(i -> t.log().info("{} {} {}", "hfthot", i, "GET"));
        String[] lines = t.stopAndRead(10_000);
        assertTrue(lines[9_999].endsWith(" ACCESS hfthot 9999 GET"), lines[9_999]);
    }

    @Test
    void aFailingConsoleCountsTheLostLines() throws InterruptedException {
        LoggerContext context = context();
        AsyncAccessAppender a = appender(context, messageOnly(context));
        a.startOn(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        });
        Logger log = logger(context, a);
        for (int i = 0; i < 5; i++) {
            log.info("line {}", i);
        }
        a.stop();
        assertEquals(5, a.lostLines());
        assertEquals(0, a.writtenLines());
    }

    @Test
    void theJsonEncoderSeesTheRequestThreadsName() throws Exception {
        LoggerContext context = context();
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.setWithFormattedMessage(true);
        json.start();
        AsyncAccessAppender a = appender(context, json);
        RecordingSink sink = new RecordingSink();
        a.startOn(sink);
        Thread request = new Thread(() -> logger(context, a).info("GET {} {}", "/v1/health", 200), "request-7");
        request.start();
        request.join();
        a.stop();
        JsonNode line = new ObjectMapper().readTree(sink.text().trim());
        assertEquals("request-7", line.path("threadName").asText());
        assertEquals("GET /v1/health 200", line.path("formattedMessage").asText());
    }

    @Test
    void invalidSettingsLeaveItStopped() {
        LoggerContext context = context();
        AsyncAccessAppender badTarget = appender(context, messageOnly(context));
        badTarget.setTarget("System.in");
        badTarget.start();
        assertFalse(badTarget.isStarted());
        AsyncAccessAppender tinyBuffer = appender(context, messageOnly(context));
        tinyBuffer.setBufferSize(10);
        tinyBuffer.startOn(new RecordingSink());
        assertFalse(tinyBuffer.isStarted());
        AsyncAccessAppender noEncoder = appender(context, null);
        noEncoder.startOn(new RecordingSink());
        assertFalse(noEncoder.isStarted());
    }

    @Test
    void theServersConfigurationsSendTheAccessLogThroughIt() throws Exception {
        for (String resource : List.of("/logback.xml", JsonLogs.RESOURCE)) {
            LoggerContext context = context();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(AsyncAccessAppenderTest.class.getResource(resource));
            Logger access = context.getLogger("io.hfthot.access");
            assertFalse(access.isAdditive());
            AsyncAccessAppender appender = assertInstanceOf(AsyncAccessAppender.class, access.getAppender("ACCESS"));
            assertTrue(appender.isStarted(), resource);
            Class<?> expected = resource.contains("json") ? JsonEncoder.class : AccessLineEncoder.class;
            assertEquals(expected, appender.getEncoder().getClass(), resource);
            context.stop();
            assertFalse(appender.isStarted());
        }
    }

    private static AccessEntry entry(String requestId, int status) {
        return new AccessEntry(1_796_660_701_123L, "hfthot", requestId, "GET", "/v1/health", status, 15, 42);
    }

    @Test
    void entriesFromManyThreadsThroughAStalledConsoleAreAllWrittenInOrderPerThread() throws Exception {
        LoggerContext context = context();
        RecordingSink sink = new RecordingSink();
        AsyncAccessAppender a = smallAppenderOnAStalledSink(context, text(context), sink);
        int threads = 4;
        int perThread = 2_000;
        String[] lines = linesThroughAStalledConsole(a, sink, threads, perThread,
                (id, i) -> assertTrue(a.appendEntry(entry("t" + id + "-" + i, 200))));
        assertInOrderPerThread(lines, line -> {
            assertTrue(line.matches("2026-12-07T16:25:01\\.123Z ACCESS hfthot t\\d-\\d+ GET /v1/health 200 15B 42us"),
                    line);
            return line.split(" ")[3].split("-");
        });
        assertEquals(threads * perThread, a.writtenLines());
        assertEquals(0, a.lostLines());
    }

    @Test
    void stopWritesEveryEntryAndEventLoggedBeforeInOrder() {
        TextLog t = TextLog.start();
        AsyncAccessAppender a = t.appender();
        for (int i = 0; i < 10_000; i++) {
            if (i % 2 == 0) {
                assertTrue(a.appendEntry(entry(Integer.toString(i), 200)));
            } else {
                t.log().info("{} {} {}", "hfthot", i, "GET");
            }
        }
        String[] lines = t.stopAndRead(10_000);
        assertEquals("2026-12-07T16:25:01.123Z ACCESS hfthot 9998 GET /v1/health 200 15B 42us", lines[9_998]);
        assertTrue(lines[9_999].endsWith(" ACCESS hfthot 9999 GET"), lines[9_999]);
        assertFalse(a.appendEntry(entry("late", 200)), "a stopped appender refuses entries");
    }

    @Test
    void aWriterThatWentToSleepIsWokenByTheNextLine() throws InterruptedException {
        LoggerContext context = context();
        RecordingSink sink = new RecordingSink();
        AsyncAccessAppender a = startedText(context, sink);
        for (int i = 0; i < 5; i++) {
            a.appendEntry(entry("r" + i, 200));
            int lines = i + 1;
            await(() -> a.writtenLines() >= lines, () -> "line " + lines + " was not written: the writer slept on");
            Thread.sleep(20); // far longer than a gathering pause: the writer finds nothing and parks
        }
        a.stop();
        assertEquals(5, sink.text().split("\n").length);
    }

    @Test
    void linesOfThreadsThatEndedAreWrittenAndTheirBuffersForgotten() throws InterruptedException {
        RecordingSink sink = new RecordingSink();
        AsyncAccessAppender a = startedText(context(), sink);
        List<Thread> shortLived = IntStream.range(0, 50)
                .mapToObj(i -> new Thread(() -> assertTrue(a.appendEntry(entry("short-" + i, 200))))).toList();
        for (Thread t : shortLived) {
            t.start();
            t.join(); // one after the other: each thread's buffer is registered, used once and left behind
        }
        await(() -> a.writtenLines() == 50 && a.registeredThreads() == 0,
                () -> a.writtenLines() + " lines written, " + a.registeredThreads() + " ended threads still held");
        a.stop();
        assertEquals(50, sink.text().split("\n").length);
    }

    @Test
    void entriesNeedTheTextEncoder() {
        LoggerContext context = context();
        AsyncAccessAppender a = appender(context, messageOnly(context));
        RecordingSink sink = new RecordingSink();
        a.startOn(sink);
        assertFalse(a.appendEntry(entry("r", 200)), "only AccessLineEncoder can write an entry");
        a.stop();
        assertEquals(0, a.writtenLines());
    }

    /** A started text appender on a recording sink, and a logger that writes only to it. */
    private record TextLog(RecordingSink sink, AsyncAccessAppender appender, Logger log) {
        static TextLog start() {
            LoggerContext context = context();
            RecordingSink sink = new RecordingSink();
            AsyncAccessAppender appender = startedText(context, sink);
            return new TextLog(sink, appender, logger(context, appender));
        }

        /** Stops the appender and returns the lines written, checking how many there are. */
        String[] stopAndRead(int expected) {
            appender.stop();
            String[] lines = sink.text().split("\n");
            assertEquals(expected, lines.length);
            return lines;
        }
    }

    /** A started appender with the text encoder, writing to the sink. */
    private static AsyncAccessAppender startedText(LoggerContext context, RecordingSink sink) {
        AsyncAccessAppender a = appender(context, text(context));
        a.startOn(sink);
        return a;
    }

    /** Waits up to 30 s for a condition to hold; fails with the message when it does not. */
    private static void await(BooleanSupplier condition, Supplier<String> failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(1);
        }
    }

    /**
     * Starts an appender with 1 KiB thread buffers on a sink that stalls until its gate opens, so the buffers fill
     * and whoever logs must wait.
     */
    private static AsyncAccessAppender smallAppenderOnAStalledSink(LoggerContext context,
                                                                   Encoder<ILoggingEvent> encoder, RecordingSink sink) {
        AsyncAccessAppender a = appender(context, encoder);
        a.setBufferSize(1024);
        sink.gate = new CountDownLatch(1);
        a.startOn(sink);
        return a;
    }

    /**
     * Runs {@code threads} threads that each log {@code perThread} lines ({@code logOne(thread, i)}) while the sink
     * stalls, checks that they wait for room, then lets the sink go, stops the appender and returns its lines (as
     * many as were logged).
     */
    private static String[] linesThroughAStalledConsole(AsyncAccessAppender a, RecordingSink sink, int threads,
                                                        int perThread, BiConsumer<Integer, Integer> logOne)
            throws InterruptedException {
        List<Thread> loggers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    logOne.accept(id, i);
                }
            });
            loggers.add(thread);
            thread.start();
        }
        Thread.sleep(200);
        assertTrue(loggers.stream().allMatch(Thread::isAlive), "with the console stalled, the loggers wait for room");
        sink.gate.countDown();
        for (Thread thread : loggers) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        a.stop();
        String[] lines = sink.text().split("\n");
        assertEquals(threads * perThread, lines.length);
        return lines;
    }

    /** Checks that each thread's numbers come 0, 1, 2, ... ({@code threadAndNumber}: a line's thread and number). */
    private static void assertInOrderPerThread(String[] lines, Function<String, String[]> threadAndNumber) {
        Map<String, Integer> next = new HashMap<>();
        for (String line : lines) {
            String[] id = threadAndNumber.apply(line);
            int n = Integer.parseInt(id[1]);
            assertEquals(next.getOrDefault(id[0], 0), n, "out of order for " + id[0]);
            next.put(id[0], n + 1);
        }
    }
}
