package io.hfthot.server.cli;

import io.hfthot.engine.imports.ImportProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Shows an import's progress on stderr: percent of bytes read, rows read, rows per second and the time left.
 *
 * <p>On a terminal the bar is redrawn in place with {@code \r} (at most ten times a second, from 0.2 s on, so
 * short imports show nothing); otherwise, for logs and pipes, a plain line is printed every five seconds.
 * Hand-written: a progress library (progressbar, jline) would pull a terminal stack into the server jar for
 * one line of text.
 */
public final class ProgressBar implements ImportProgress {
    /** How the progress is shown. */
    public enum Mode {
        /** Redrawn in place, for a terminal. */
        BAR,
        /** A plain line every few seconds, for logs. */
        LINES,
        /** Nothing. */
        NONE
    }

    private static final long FIRST_DRAW_NANOS = 200_000_000L;
    private static final long BAR_EVERY_NANOS = 100_000_000L;
    private static final long LINE_EVERY_NANOS = 5_000_000_000L;
    private static final int WIDTH = 24;

    private final PrintStream err;
    private final Mode mode;
    private final LongSupplier nanoTime;
    private long start;
    private long lastDraw;
    private long totalBytes;
    private boolean drawn;
    private String lastLine = "";

    /**
     * Creates a progress display.
     *
     * @param err      where to draw (stderr)
     * @param mode     how to draw
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public ProgressBar(PrintStream err, Mode mode, LongSupplier nanoTime) {
        this.err = Objects.requireNonNull(err, "err");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public void started(long total) {
        this.totalBytes = total;
        this.start = nanoTime.getAsLong();
        this.lastDraw = start;
    }

    @Override
    public void advanced(long bytesRead, long rowsRead) {
        if (mode == Mode.NONE) {
            return;
        }
        long now = nanoTime.getAsLong();
        long elapsed = now - start;
        boolean due = mode == Mode.BAR
                ? elapsed >= FIRST_DRAW_NANOS && (!drawn || now - lastDraw >= BAR_EVERY_NANOS)
                : now - lastDraw >= LINE_EVERY_NANOS;
        if (!due) {
            return;
        }
        lastDraw = now;
        lastLine = line(bytesRead, rowsRead, elapsed);
        if (mode == Mode.BAR) {
            err.print('\r' + lastLine);
        } else {
            err.println(lastLine);
        }
        err.flush();
        drawn = true;
    }

    @Override
    public void committing(long rows) {
        if (drawn) {
            if (mode == Mode.BAR) {
                err.println();
            }
            err.printf(Locale.ROOT, "validated; writing %,d bars in one commit%n", rows);
            err.flush();
            drawn = false;
        }
    }

    /** Ends a bar drawn in place so that a following message starts on its own line (after a failure). */
    public void abandon() {
        if (drawn && mode == Mode.BAR) {
            err.println();
            err.flush();
        }
    }

    /**
     * Returns the last progress line drawn.
     *
     * @return the line, empty before the first draw
     */
    public String lastLine() {
        return lastLine;
    }

    String line(long bytesRead, long rowsRead, long elapsedNanos) {
        double fraction = totalBytes <= 0 ? 1.0 : Math.min(1.0, (double) bytesRead / totalBytes);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = elapsedNanos / 1e9;
        long rate = seconds > 0 ? Math.round(rowsRead / seconds) : 0;
        String eta = fraction > 0 ? duration(Math.round(seconds * (1 - fraction) / fraction)) : "?";
        return String.format(Locale.ROOT, "%5.1f%% [%s%s] %,d rows  %,d rows/s  ETA %s", 100 * fraction,
                "#".repeat(filled), " ".repeat(WIDTH - filled), rowsRead, rate, eta);
    }

    private static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                seconds % 60) : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
