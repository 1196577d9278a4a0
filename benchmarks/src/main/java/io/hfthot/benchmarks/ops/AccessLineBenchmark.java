package io.hfthot.benchmarks.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.hfthot.server.logging.AccessLineEncoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding one access-log line: logback's pattern ({@code %d{...,UTC} ACCESS %msg%n}, what the server used before)
 * against {@link AccessLineEncoder} (the same bytes). Each call encodes a new event with the access filter's
 * message and arguments, at a timestamp that moves by a millisecond per call as under load.
 *
 * <p>Peer figure (issue 22): metrics and access log together may cost at most 5% of REST throughput, about 1 us of
 * a request's 20 us of server CPU on the reference machine; the same-run load test is
 * {@code benchmarks/load/ops-overhead.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AccessLineBenchmark {
    private static final String MESSAGE = "{} {} {} {} {} {}B {}us";

    private Logger logger;
    private PatternLayoutEncoder pattern;
    private AccessLineEncoder lines;
    private long millis = 1_796_660_701_123L;
    private long micros;

    /** Creates both encoders on one logback context. */
    @Setup
    public void setUp() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        logger = context.getLogger("io.hfthot.access");
        pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} ACCESS %msg%n");
        pattern.start();
        lines = new AccessLineEncoder();
        lines.setContext(context);
        lines.start();
    }

    private LoggingEvent next() {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, MESSAGE, null,
                new Object[] {"hfthot", "4f1c2a9e0b7d3c55", "GET", "/v1/market/ticker", 200, 86L, micros++ & 0x3FF});
        event.setTimeStamp(millis++);
        return event;
    }

    /** @return the line through logback's pattern layout */
    @Benchmark
    public byte[] pattern() {
        return pattern.encode(next());
    }

    /** @return the line through the access-line encoder (its array-returning entry; the server's writer reuses a buffer) */
    @Benchmark
    public byte[] accessLine() {
        return lines.encode(next());
    }
}
