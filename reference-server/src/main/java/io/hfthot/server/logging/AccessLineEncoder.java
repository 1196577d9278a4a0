package io.hfthot.server.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Encodes an access-log event as one text line, {@code 2026-12-07T16:45:01.123Z ACCESS <message>\n}: the same bytes
 * as the pattern {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} ACCESS %msg%n} on Linux, without its cost.
 *
 * <p>Why not the pattern: logback's {@code PatternLayout} formats the message through SLF4J's
 * {@code MessageFormatter} into a new string, builds the line in another, then encodes it to a new byte array, which
 * made the access log the largest part of what request logging costs (see docs/performance.md, issue 22). Here the
 * message's {@code {}} placeholders are substituted straight into a reused {@link LineBuffer}, numbers are written
 * as digits without a string, and the date prefix is cached per second. Messages this cannot render exactly as
 * SLF4J would (escaped placeholders, array arguments, a failing {@code toString}) fall back to the event's own
 * formatted message, and an event with a throwable goes through the pattern itself (which appends the stack trace),
 * so the output never differs from the pattern's (checked by {@code AccessLineEncoderProperties}). Must be started
 * (logback does so when it reads the configuration).
 */
public final class AccessLineEncoder extends EncoderBase<ILoggingEvent> {
    /** The pattern whose output this encoder reproduces. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} ACCESS %msg%n";
    private static final byte[] MARK = " ACCESS ".getBytes(StandardCharsets.US_ASCII);
    /** What follows the body bytes and the time in {@code Slf4jAccessLog.FORMAT}. */
    private static final byte[] BYTES_UNIT = "B ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MICROS_UNIT_EOL = "us\n".getBytes(StandardCharsets.US_ASCII);

    /** The date prefix of one second, "yyyy-MM-ddTHH:mm:ss.", immutable so that encoding threads may share it. */
    private record Second(long epochSecond, byte[] prefix) {
    }

    private volatile Second second = new Second(Long.MIN_VALUE, new byte[0]);
    /** Renders the rare event that carries a throwable: the pattern appends its stack trace after the line. */
    private final PatternLayoutEncoder withThrowable = new PatternLayoutEncoder();

    /** Creates the encoder (logback instantiates it from logback.xml). */
    public AccessLineEncoder() {
    }

    @Override
    public void start() {
        withThrowable.setContext(getContext());
        withThrowable.setPattern(PATTERN);
        withThrowable.start();
        super.start();
    }

    @Override
    public void stop() {
        withThrowable.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    /**
     * Encodes one event into a new array (the {@code Encoder} contract, for appenders other than
     * {@link AsyncAccessAppender}). Thread-safe.
     */
    @Override
    public byte[] encode(ILoggingEvent event) {
        LineBuffer line = new LineBuffer(128);
        encodeInto(event, line);
        return line.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    /**
     * Appends one event's line to a buffer. Thread-safe (the buffer is the caller's).
     *
     * @param event the event
     * @param out   the buffer, modified
     */
    void encodeInto(ILoggingEvent event, LineBuffer out) {
        if (event.getThrowableProxy() != null) {
            byte[] bytes = withThrowable.encode(event);
            out.put(bytes, 0, bytes.length);
            return;
        }
        putStamp(event.getTimeStamp(), out);
        int before = out.size();
        if (!appendMessage(event, out)) {
            out.truncate(before);
            String formatted = event.getFormattedMessage();
            out.putUtf8(formatted, 0, formatted.length());
        }
        out.put((byte) '\n');
    }

    /**
     * Appends the line of a record handed over without a logback event ({@link LogbackAccessLog}): the same bytes as
     * an event logged with {@code Slf4jAccessLog.FORMAT} and the record's values as arguments at its time stamp
     * (checked by {@code AccessLineEncoderProperties}). Thread-safe (the buffer is the caller's).
     *
     * @param entry the record
     * @param out   the buffer, modified
     */
    void encodeEntry(AccessEntry entry, LineBuffer out) {
        putStamp(entry.timeStamp(), out);
        putString(entry.surface(), out);
        out.put((byte) ' ');
        putString(entry.requestId(), out);
        out.put((byte) ' ');
        putString(entry.method(), out);
        out.put((byte) ' ');
        putString(entry.rawPath(), out);
        out.put((byte) ' ');
        out.putDecimal(entry.status());
        out.put((byte) ' ');
        out.putDecimal(entry.bytes());
        out.put(BYTES_UNIT, 0, BYTES_UNIT.length);
        out.putDecimal(entry.micros());
        out.put(MICROS_UNIT_EOL, 0, MICROS_UNIT_EOL.length);
    }

    /** Appends {@code <date>T<time>.<millis>Z ACCESS }, the part of the line before the message. */
    private void putStamp(long millis, LineBuffer out) {
        long epochSecond = Math.floorDiv(millis, 1000);
        Second s = second;
        if (s.epochSecond != epochSecond) {
            s = new Second(epochSecond, prefix(epochSecond));
            second = s;
        }
        out.put(s.prefix, 0, s.prefix.length);
        int ms = (int) Math.floorMod(millis, 1000);
        out.put((byte) ('0' + ms / 100));
        out.put((byte) ('0' + ms / 10 % 10));
        out.put((byte) ('0' + ms % 10));
        out.put((byte) 'Z');
        out.put(MARK, 0, MARK.length);
    }

    private static void putString(String s, LineBuffer out) {
        if (s == null) {
            out.putUtf8("null", 0, 4);
        } else {
            out.putUtf8(s, 0, s.length());
        }
    }

    private static byte[] prefix(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d.", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond()).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Substitutes the arguments into the message as SLF4J's {@code MessageFormatter} does for the simple case: each
     * {@code {}} takes the next argument, placeholders left over stay literal, extra arguments are ignored (logback
     * already removed a trailing throwable from the array).
     *
     * @return false, with part of a line written, when the message needs SLF4J's full rules
     */
    private static boolean appendMessage(ILoggingEvent event, LineBuffer out) {
        String message = event.getMessage();
        Object[] args = event.getArgumentArray();
        if (message == null || message.indexOf('\\') >= 0) {
            return false;
        }
        int from = 0;
        int next = 0;
        for (int at = message.indexOf("{}"); at >= 0 && args != null && next < args.length;
                at = message.indexOf("{}", from)) {
            out.putUtf8(message, from, at);
            if (!appendArgument(args[next++], out)) {
                return false;
            }
            from = at + 2;
        }
        out.putUtf8(message, from, message.length());
        return true;
    }

    private static boolean appendArgument(Object arg, LineBuffer out) {
        if (arg instanceof String s) {
            out.putUtf8(s, 0, s.length());
        } else if (arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof Byte) {
            out.putDecimal(((Number) arg).longValue());
        } else if (arg == null) {
            out.putUtf8("null", 0, 4);
        } else if (arg.getClass().isArray()) {
            return false;
        } else {
            String s;
            try {
                s = arg.toString();
            } catch (RuntimeException e) {
                return false;
            }
            if (s == null) {
                return false;
            }
            out.putUtf8(s, 0, s.length());
        }
        return true;
    }
}
