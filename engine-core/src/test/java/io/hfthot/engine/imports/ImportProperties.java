package io.hfthot.engine.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.engine.market.lakehouse.MarketTables;
import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.lakehouse.Lakehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the importer: every time spelling means one instant, and valid bars round-trip exactly. */
class ImportProperties {
    /** 1973-03-03 (where epoch milliseconds begin to be read as such) to 2262 (the end of epoch nanos in a long). */
    @Property(tries = 300)
    void everySpellingOfAnInstantReadsAsTheSameMillisecond(@ForAll("millisecondInstants") long millis) {
        assertEquals(millis, Timestamps.toEpochMillis(Long.toString(millis)));
        assertEquals(millis, Timestamps.toEpochMillis(Long.toString(millis * 1_000)));
        assertEquals(millis, Timestamps.toEpochMillis(Long.toString(millis * 1_000_000)));
        assertEquals(millis, Timestamps.toEpochMillis(Instant.ofEpochMilli(millis).toString()));
        assertEquals(millis, Timestamps.toEpochMillis(Instant.ofEpochMilli(millis)));
        String seconds = (millis / 1000) + "." + String.format("%03d", millis % 1000);
        assertEquals(millis, Timestamps.toEpochMillis(seconds));
    }

    @Provide
    Arbitrary<Long> millisecondInstants() {
        return Arbitraries.longs().between(100_000_000_000L, Long.MAX_VALUE / 1_000_000);
    }

    /** Bars written as CSV text with Java's shortest round-trip decimal form come back bit for bit. */
    @Property(tries = 8)
    void validBarsRoundTripExactlyThroughCsv(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int count,
                                             @ForAll @IntRange(min = 0, max = 4) int intervalIndex) {
        Interval interval = Interval.values()[intervalIndex];
        SplittableRandom random = new SplittableRandom(seed);
        long start = interval.bucketStart(Instant.parse("2015-01-01T00:00:00Z").toEpochMilli()
                + random.nextLong(0, 300L * 86_400_000L));
        long[] time = new long[count];
        double[] open = new double[count];
        double[] high = new double[count];
        double[] low = new double[count];
        double[] close = new double[count];
        double[] volume = new double[count];
        List<String> lines = new ArrayList<>(List.of("time;open;high;low;close;volume"));
        long t = start;
        double price = random.nextDouble(1e-4, 1e5);
        for (int i = 0; i < count; i++) {
            t += interval.millis() * random.nextLong(1, 4);
            time[i] = t;
            open[i] = price;
            close[i] = price * Math.exp(random.nextGaussian() * 0.01);
            high[i] = Math.max(open[i], close[i]) * (1 + random.nextDouble(0, 0.01));
            low[i] = Math.min(open[i], close[i]) * (1 - random.nextDouble(0, 0.01));
            volume[i] = random.nextDouble() < 0.1 ? 0 : random.nextDouble(0, 1e6);
            price = close[i];
            lines.add(Instant.ofEpochMilli(t) + ";" + open[i] + ";" + high[i] + ";" + low[i] + ";" + close[i] + ";"
                    + volume[i]);
        }
        Path dir = tempDir();
        try {
            Path file = ImportFiles.csv(dir, "bars.csv", lines.toArray(String[]::new));
            Lakehouse lakehouse = Lakehouse.open(dir.resolve("lakehouse"));
            ImportReport report = new BarImporter(lakehouse).importFiles(List.of(file),
                    ImportOptions.strict(interval).withSymbol("XYZ-USD"), ImportProgress.NONE);
            assertEquals(count, report.rowsImported());
            BarColumns stored = new MarketTables(lakehouse).readAllBars("XYZ-USD", interval);
            assertArrayEquals(time, stored.time());
            assertArrayEquals(open, stored.open());
            assertArrayEquals(high, stored.high());
            assertArrayEquals(low, stored.low());
            assertArrayEquals(close, stored.close());
            assertArrayEquals(volume, stored.volume());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("import-properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
