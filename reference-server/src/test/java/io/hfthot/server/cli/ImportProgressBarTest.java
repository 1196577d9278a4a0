package io.hfthot.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress display driven by a hand-set clock. */
class ImportProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void at(double seconds) {
        nanos.set(1_000_000_000L + (long) (seconds * 1e9));
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceWithRateAndEta() {
        ProgressBar bar = new ProgressBar(err, ProgressBar.Mode.BAR, nanos::get);
        bar.started(1_000_000);
        at(0.1);
        bar.advanced(50_000, 5_000);
        assertEquals("", text(), "short imports draw nothing");
        at(2.0);
        bar.advanced(500_000, 200_000);
        assertEquals("\r 50.0% [############            ] 200,000 rows  100,000 rows/s  ETA 0:02", text());
        at(2.05);
        bar.advanced(510_000, 204_000);
        assertEquals(1, text().chars().filter(c -> c == '\r').count(), "at most ten redraws a second");
        at(3.0);
        bar.advanced(1_000_000, 400_000);
        assertTrue(bar.lastLine().startsWith("100.0% [########################] 400,000 rows"), bar.lastLine());
        assertTrue(bar.lastLine().endsWith("ETA 0:00"), bar.lastLine());
        bar.committing(400_000);
        bar.abandon();
        assertTrue(text().endsWith(System.lineSeparator() + "validated; writing 400,000 bars in one commit"
                + System.lineSeparator()), text());
    }

    @Test
    void inALogPlainLinesArePrintedEveryFiveSeconds() {
        ProgressBar bar = new ProgressBar(err, ProgressBar.Mode.LINES, nanos::get);
        bar.started(10_000_000);
        at(4.9);
        bar.advanced(1_000_000, 10_000);
        assertEquals("", text());
        at(5.0);
        bar.advanced(1_000_000, 10_000);
        at(9.0);
        bar.advanced(2_000_000, 20_000);
        at(3725.0);
        bar.advanced(5_000_000, 50_000);
        String[] lines = text().split(System.lineSeparator());
        assertEquals(2, lines.length, text());
        assertTrue(lines[0].startsWith(" 10.0% [##"), lines[0]);
        assertTrue(lines[0].endsWith("10,000 rows  2,000 rows/s  ETA 0:45"), lines[0]);
        assertTrue(lines[1].endsWith("ETA 1:02:05"), lines[1]);
        assertTrue(!text().contains("\r"));
    }

    @Test
    void noneAndShortImportsPrintNothing() {
        ProgressBar none = new ProgressBar(err, ProgressBar.Mode.NONE, nanos::get);
        none.started(100);
        at(60);
        none.advanced(50, 5);
        none.committing(5);
        ProgressBar quick = new ProgressBar(err, ProgressBar.Mode.BAR, nanos::get);
        quick.started(100);
        quick.advanced(100, 10);
        quick.committing(10);
        quick.abandon();
        assertEquals("", text());
    }
}
