package io.hfthot.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.market.lakehouse.MarketTables;
import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.lakehouse.Lakehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code import} subcommand run in-process against a temporary data directory. */
class ImportCommandTest {
    private static final long T0 = Instant.parse("2024-02-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return ImportCommand.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path hourlyCsv(String name, int count, int badLine) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Date,Open,High,Low,Close,Volume");
        for (int i = 0; i < count; i++) {
            double o = 40_000 + 10 * i;
            double high = lines.size() + 1 == badLine ? o - 5 : o + 50;
            lines.add(Instant.ofEpochMilli(T0 + i * HOUR) + "," + o + "," + high + "," + (o - 40) + "," + (o + 5)
                    + "," + (1.5 + i));
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    @Test
    void importsACsvFileAndTheBarsAreReadableFromTheServersTables() throws IOException {
        Path file = hourlyCsv("btc-1h.csv", 2000, -1);
        Path data = dir.resolve("data");
        int code = run("--symbol", "BTC-USDT", "--interval", "1h", "--data-dir", data.toString(), "--progress",
                "lines", file.toString());
        assertEquals(ImportCommand.OK, code, err());
        assertTrue(out().contains("Imported 2,000 bars (BTC-USDT, 1h) from 1 file"), out());
        assertTrue(out().contains("skipped:     0 invalid, 0 already stored"), out());
        assertTrue(out().contains("time range:  2024-02-01T00:00:00Z .. " + Instant.ofEpochMilli(T0 + 1999 * HOUR)),
                out());
        Lakehouse lakehouse = Lakehouse.open(data.resolve("lakehouse"));
        long version = lakehouse.read(MarketTables.OHLCV).version();
        assertTrue(out().contains("market.ohlcv version " + version), out());
        BarColumns bars = new MarketTables(lakehouse).readBars("BTC-USDT", Interval.ONE_HOUR, T0, T0 + 1999 * HOUR);
        assertEquals(2000, bars.size());
        assertEquals(T0 + 1234 * HOUR, bars.time()[1234]);
        assertEquals(40_000 + 12_340, bars.open()[1234], 0.0);
        assertEquals(40_000 + 12_340 + 50, bars.high()[1234], 0.0);
        assertEquals(1.5 + 1234, bars.volume()[1234], 0.0);
    }

    @Test
    void aBadRowRefusesTheImportNamingFileLineAndFieldAndWritesNothing() throws IOException {
        Path data = dir.resolve("data");
        Path good = hourlyCsv("good.csv", 10, -1);
        assertEquals(ImportCommand.OK, run("--symbol=ETH-USDT", "--interval=1h", "--data-dir=" + data,
                "--progress=none", good.toString()));
        long version = Lakehouse.open(data.resolve("lakehouse")).read(MarketTables.OHLCV).version();
        List<String> later = new ArrayList<>(Files.readAllLines(hourlyCsv("later.csv", 20, 17)));
        later.subList(1, 11).clear();
        Path bad = Files.write(dir.resolve("bad.csv"), later);
        int code = run("--symbol", "ETH-USDT", "--interval", "1h", "--data-dir", data.toString(), bad.toString());
        assertEquals(ImportCommand.REFUSED, code);
        assertTrue(err().contains("refused, nothing written: " + bad + ":7: field high"), err());
        assertTrue(err().contains("must be >= max(open, close)"), err());
        assertEquals(version, Lakehouse.open(data.resolve("lakehouse")).read(MarketTables.OHLCV).version());
    }

    @Test
    void skipInvalidReportsEachSkippedRow() throws IOException {
        Path file = hourlyCsv("some-bad.csv", 10, 4);
        Path data = dir.resolve("data");
        int code = run(Map.of("HFTHOT_DATA_DIR", data.toString()), "--symbol", "SOL-USDT", "--interval", "1h",
                "--skip-invalid", "--progress", "none", file.toString());
        assertEquals(ImportCommand.OK, code, err());
        assertTrue(err().contains("skipped " + file + ":4: field high"), err());
        assertTrue(out().contains("Imported 9 bars (SOL-USDT, 1h)"), out());
        assertTrue(out().contains("skipped:     1 invalid, 0 already stored"), out());
        assertEquals(9, new MarketTables(Lakehouse.open(data.resolve("lakehouse")))
                .readAllBars("SOL-USDT", Interval.ONE_HOUR).size());
    }

    @Test
    void badArgumentsExitWithUsageAndNameTheArgument() throws IOException {
        Path file = hourlyCsv("x.csv", 2, -1);
        assertEquals(ImportCommand.USAGE, run("--symbol", "BTC-USDT", file.toString()));
        assertTrue(err().contains("--interval is required"), err());
        assertEquals(ImportCommand.USAGE, run("--interval", "2m", file.toString()));
        assertTrue(err().contains("interval must be one of [1m, 5m, 15m, 1h, 1d], got '2m'"), err());
        assertEquals(ImportCommand.USAGE, run("--interval", "1h", "--colour", file.toString()));
        assertTrue(err().contains("unknown option '--colour'"), err());
        assertEquals(ImportCommand.USAGE, run("--interval", "1h"));
        assertTrue(err().contains("name at least one .csv or .parquet file"), err());
        assertEquals(ImportCommand.USAGE, run("--interval", "1h", "--delimiter", "|", file.toString()));
        assertTrue(err().contains("--delimiter must be comma, semicolon or tab, got '|'"), err());
        assertEquals(ImportCommand.USAGE, run("--interval", "1h", "--symbol", "BTC/USDT", file.toString()));
        assertTrue(err().contains("symbol must match"), err());
        assertEquals(ImportCommand.USAGE, run("--interval"));
        assertTrue(err().contains("--interval needs a value"), err());
        assertFalse(Files.exists(Path.of("./data/lakehouse/market.ohlcv")) && out().contains("Imported"));
    }

    @Test
    void helpPrintsTheUsage() {
        assertEquals(ImportCommand.OK, run("--help"));
        assertTrue(out().startsWith("Usage: java -jar hfthot-server.jar import"), out());
    }

    @Test
    void aMissingFileIsRefusedByName() {
        Path missing = dir.resolve("nope.csv");
        assertEquals(ImportCommand.REFUSED, run("--symbol", "BTC-USDT", "--interval", "1m", "--data-dir",
                dir.resolve("data").toString(), missing.toString()));
        assertTrue(err().contains(missing + ": cannot be read"), err());
    }
}
