package io.hfthot.lakehouse.internal.log;

import io.hfthot.lakehouse.internal.actions.Action;
import java.time.Duration;
import java.util.Locale;

/**
 * The retention periods a table declares in its properties, parsed as Delta does: {@code
 * delta.deletedFileRetentionDuration} (how long removed data files must stay for readers and time travel; default
 * one week) and {@code delta.logRetentionDuration} (how long commits stay in the log; default 30 days).
 *
 * <p>Values are Spark calendar intervals, with or without the leading {@code interval}: {@code interval 1 week},
 * {@code 7 days}, {@code interval 36 hours 30 minutes}. Units from microseconds to weeks are accepted; months and
 * years are refused, as by Delta ({@code DeltaConfigs.isValidIntervalConfigValue}), because their length varies.
 */
public final class TableRetention {
    /** Property naming how long removed files are kept. */
    public static final String DELETED_FILE_RETENTION = "delta.deletedFileRetentionDuration";
    /** Property naming how long log entries are kept. */
    public static final String LOG_RETENTION = "delta.logRetentionDuration";
    /** Property switching log cleanup at checkpoints off ({@code false}). */
    public static final String EXPIRED_LOG_CLEANUP = "delta.enableExpiredLogCleanup";
    /** Delta's default deleted-file retention. */
    public static final Duration DEFAULT_DELETED_FILE_RETENTION = Duration.ofDays(7);
    /** Delta's default log retention. */
    public static final Duration DEFAULT_LOG_RETENTION = Duration.ofDays(30);

    private TableRetention() {
    }

    /** Returns the table's deleted-file retention. */
    public static Duration deletedFileRetention(Action.Metadata metadata) {
        return property(metadata, DELETED_FILE_RETENTION, DEFAULT_DELETED_FILE_RETENTION);
    }

    /** Returns the table's log retention. */
    public static Duration logRetention(Action.Metadata metadata) {
        return property(metadata, LOG_RETENTION, DEFAULT_LOG_RETENTION);
    }

    /** Returns whether expired log entries are cleaned up at checkpoints (Delta's default: yes). */
    public static boolean logCleanupEnabled(Action.Metadata metadata) {
        return !"false".equalsIgnoreCase(metadata.configuration().get(EXPIRED_LOG_CLEANUP));
    }

    private static Duration property(Action.Metadata metadata, String key, Duration fallback) {
        String v = metadata.configuration().get(key);
        return v == null ? fallback : parse(key, v);
    }

    /**
     * Parses a calendar interval.
     *
     * @throws IllegalArgumentException naming the property, the value and the accepted form
     */
    public static Duration parse(String key, String value) {
        String[] tokens = value.trim().toLowerCase(Locale.ROOT).split("\\s+");
        int i = tokens.length > 0 && tokens[0].equals("interval") ? 1 : 0;
        if (i >= tokens.length || (tokens.length - i) % 2 != 0) {
            throw invalid(key, value);
        }
        Duration total = Duration.ZERO;
        for (; i < tokens.length; i += 2) {
            long n;
            try {
                n = Long.parseLong(tokens[i]);
            } catch (NumberFormatException e) {
                throw invalid(key, value);
            }
            if (n < 0) {
                throw invalid(key, value);
            }
            String unit = tokens[i + 1].endsWith("s") ? tokens[i + 1].substring(0, tokens[i + 1].length() - 1) : tokens[i + 1];
            total = total.plus(switch (unit) {
                case "week" -> Duration.ofDays(7 * n);
                case "day" -> Duration.ofDays(n);
                case "hour" -> Duration.ofHours(n);
                case "minute" -> Duration.ofMinutes(n);
                case "second" -> Duration.ofSeconds(n);
                case "millisecond" -> Duration.ofMillis(n);
                case "microsecond" -> Duration.ofNanos(n * 1000);
                default -> throw invalid(key, value);
            });
        }
        return total;
    }

    private static IllegalArgumentException invalid(String key, String value) {
        return new IllegalArgumentException("table property " + key + " = '" + value + "' is not a valid interval; expected"
                + " e.g. 'interval 7 days' or '36 hours': non-negative counts of weeks, days, hours, minutes, seconds,"
                + " milliseconds or microseconds (months and years vary in length and are not accepted)");
    }
}
