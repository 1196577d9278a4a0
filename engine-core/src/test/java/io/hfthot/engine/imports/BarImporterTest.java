package io.hfthot.engine.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.market.lakehouse.MarketTables;
import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.lakehouse.Lakehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarImporterTest {
    private static final long T0 = Instant.parse("2024-01-31T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;
    private static final String HEADER = "timestamp,open,high,low,close,volume";

    @TempDir
    Path dir;
    private Lakehouse lakehouse;
    private MarketTables tables;
    private BarImporter importer;

    @BeforeEach
    void open() {
        lakehouse = Lakehouse.open(dir.resolve("lakehouse"));
        tables = new MarketTables(lakehouse);
        importer = new BarImporter(lakehouse);
    }

    private static double open(int i) {
        return 100 + i * 0.25;
    }

    /** CSV data lines of minute bars {@code from} (inclusive) to {@code to} (exclusive), times in epoch ms. */
    private static List<String> csvBars(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            double o = open(i);
            lines.add((T0 + i * MINUTE) + "," + o + "," + (o + 2) + "," + (o - 1) + "," + (o + 0.5) + "," + (10 + i));
        }
        return lines;
    }

    private static String[] withHeader(String header, List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(lines);
        return all.toArray(String[]::new);
    }

    private void assertStoredBars(String symbol, int from, int to) {
        BarColumns bars = tables.readBars(symbol, Interval.ONE_MINUTE, T0 + from * MINUTE, T0 + (to - 1) * MINUTE);
        assertEquals(to - from, bars.size());
        for (int k = 0; k < bars.size(); k++) {
            int i = from + k;
            assertEquals(T0 + i * MINUTE, bars.time()[k]);
            assertEquals(open(i), bars.open()[k], 0.0);
            assertEquals(open(i) + 2, bars.high()[k], 0.0);
            assertEquals(open(i) - 1, bars.low()[k], 0.0);
            assertEquals(open(i) + 0.5, bars.close()[k], 0.0);
            assertEquals(10 + i, bars.volume()[k], 0.0);
        }
    }

    private ImportOptions btc() {
        return ImportOptions.strict(Interval.ONE_MINUTE).withSymbol("BTC-USDT");
    }

    @Test
    void csvRoundTripStoresEveryBarInOneCommit() throws IOException {
        Path file = ImportFiles.csv(dir, "btc.csv", withHeader(HEADER, csvBars(0, 500)));
        List<long[]> seen = new ArrayList<>();
        ImportReport report = importer.importFiles(List.of(file), btc(), new ImportProgress() {
            @Override
            public void started(long totalBytes) {
                seen.add(new long[] {totalBytes});
            }

            @Override
            public void advanced(long bytesRead, long rowsRead) {
                seen.add(new long[] {bytesRead, rowsRead});
            }

            @Override
            public void committing(long rows) {
                seen.add(new long[] {-rows});
            }
        });
        assertEquals(500, report.rowsRead());
        assertEquals(500, report.rowsImported());
        assertEquals(0, report.rowsSkipped());
        assertEquals(List.of("BTC-USDT"), report.symbols());
        assertEquals(Instant.ofEpochMilli(T0), report.firstBar().orElseThrow());
        assertEquals(Instant.ofEpochMilli(T0 + 499 * MINUTE), report.lastBar().orElseThrow());
        assertEquals(lakehouse.read(MarketTables.OHLCV).version(), report.tableVersion());
        assertEquals(1, lakehouse.read(MarketTables.OHLCV).dataFiles().size(), "one commit, one file");
        assertStoredBars("BTC-USDT", 0, 500);
        long total = seen.get(0)[0];
        assertEquals(java.nio.file.Files.size(file), total);
        assertArrayEquals(new long[] {total, 500}, seen.get(seen.size() - 2), "progress ends at 100%");
        assertEquals(-500, seen.get(seen.size() - 1)[0]);
    }

    @Test
    void csvHeadersAliasesDelimitersAndIsoTimesAreUnderstood() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : csvBars(0, 3)) {
            String[] f = line.split(",");
            String iso = Instant.ofEpochMilli(Long.parseLong(f[0])).toString().replace('T', ' ').replace("Z", "");
            lines.add("\"" + iso + "\";" + f[1] + ";" + f[2] + ";" + f[3] + ";" + f[4] + ";" + f[5] + ";ETH-USDT");
        }
        Path semicolon = ImportFiles.csv(dir, "eth.csv", withHeader("\uFEFFOpen Time;Open;High;Low;Close;Vol;Symbol",
                lines));
        List<String> tabbed = new ArrayList<>();
        for (String line : csvBars(3, 6)) {
            String[] f = line.split(",");
            tabbed.add((Long.parseLong(f[0]) / 1000) + "\t" + String.join("\t", List.of(f).subList(1, 6))
                    + "\tETH-USDT\tignored");
        }
        Path tab = ImportFiles.csv(dir, "eth.tsv", withHeader("TS\tO\tH\tL\tC\tV\tPair\tnote", tabbed));
        ImportReport report = importer.importFiles(List.of(semicolon, tab),
                ImportOptions.strict(Interval.ONE_MINUTE), ImportProgress.NONE);
        assertEquals(6, report.rowsImported());
        assertEquals(List.of("ETH-USDT"), report.symbols());
        assertStoredBars("ETH-USDT", 0, 6);
    }

    @Test
    void aSymbolColumnSplitsOneFileIntoSeveralPartitions() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : csvBars(0, 4)) {
            lines.add(line + ",SOL-USDT");
            lines.add(line + ",BTC-USDT");
        }
        Path file = ImportFiles.csv(dir, "both.csv", withHeader(HEADER + ",symbol", lines));
        ImportReport report = importer.importFiles(List.of(file), ImportOptions.strict(Interval.ONE_MINUTE),
                ImportProgress.NONE);
        assertEquals(List.of("BTC-USDT", "SOL-USDT"), report.symbols());
        assertStoredBars("BTC-USDT", 0, 4);
        assertStoredBars("SOL-USDT", 0, 4);
    }

    private static List<ImportFiles.Row> parquetRows(int from, int to, boolean seconds) {
        List<ImportFiles.Row> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            long t = T0 + i * MINUTE;
            double o = open(i);
            rows.add(new ImportFiles.Row(seconds ? t / 1000 : t, o, o + 2, o - 1, o + 0.5, 10 + i, "BTC-USDT"));
        }
        return rows;
    }

    @Test
    void parquetRoundTripWithTimestampColumn() throws IOException {
        Path file = ImportFiles.parquet(dir, "btc.parquet", "open_time", ImportFiles.timestampMillis(), false,
                parquetRows(0, 5000, false));
        ImportReport report = importer.importFiles(List.of(file), btc(), ImportProgress.NONE);
        assertEquals(5000, report.rowsImported());
        assertStoredBars("BTC-USDT", 0, 5000);
    }

    @Test
    void parquetWithEpochSecondsSymbolColumnAndMicrosTimestamps() throws IOException {
        Path seconds = ImportFiles.parquet(dir, "a.parquet", "time", Schema.create(Schema.Type.LONG), true,
                parquetRows(0, 10, true));
        List<ImportFiles.Row> micros = new ArrayList<>();
        for (ImportFiles.Row r : parquetRows(10, 20, false)) {
            micros.add(new ImportFiles.Row((Long) r.ts() * 1000, r.open(), r.high(), r.low(), r.close(), r.volume(),
                    r.symbol()));
        }
        Path micro = ImportFiles.parquet(dir, "b.pq", "ts", ImportFiles.timestampMicros(), true, micros);
        ImportReport report = importer.importFiles(List.of(seconds, micro), ImportOptions.strict(Interval.ONE_MINUTE),
                ImportProgress.NONE);
        assertEquals(20, report.rowsImported());
        assertStoredBars("BTC-USDT", 0, 20);
    }

    @Test
    void parquetBadRowsNameFileRowAndField() throws IOException {
        List<ImportFiles.Row> rows = parquetRows(0, 10, false);
        ImportFiles.Row r = rows.get(6);
        rows.set(6, new ImportFiles.Row(r.ts(), r.open(), r.high(), r.low(), r.close(), Double.NaN, r.symbol()));
        Path file = ImportFiles.parquet(dir, "nan.parquet", "ts", ImportFiles.timestampMillis(), false, rows);
        ImportException e = assertThrows(ImportException.class,
                () -> importer.importFiles(List.of(file), btc(), ImportProgress.NONE));
        RowProblem p = e.problem().orElseThrow();
        assertEquals(file, p.file());
        assertEquals(7, p.line());
        assertEquals("volume", p.field());
        assertTrue(e.getMessage().contains("nan.parquet:7: field volume"), e.getMessage());
    }

    @Test
    void parquetColumnsOfUnusableTypesAreRefusedByName() throws IOException {
        Path file = ImportFiles.parquet(dir, "bool.parquet", "ts", Schema.create(Schema.Type.BOOLEAN), false,
                List.of(new ImportFiles.Row(true, 1, 1, 1, 1, 1, "BTC-USDT")));
        ImportException e = assertThrows(ImportException.class,
                () -> importer.importFiles(List.of(file), btc(), ImportProgress.NONE));
        assertTrue(e.getMessage().contains("column 'ts' (ts) has Parquet type"), e.getMessage());
        assertTrue(e.problem().isEmpty());
    }

    @Test
    void aMissingColumnIsNamedWithTheAcceptedAliases() throws IOException {
        Path file = ImportFiles.csv(dir, "noclose.csv", "ts,open,high,low,volume", T0 + ",1,1,1,1");
        ImportException e = assertThrows(ImportException.class,
                () -> importer.importFiles(List.of(file), btc(), ImportProgress.NONE));
        assertTrue(e.getMessage().contains("no column for close"), e.getMessage());
        assertTrue(e.getMessage().contains("[close, c]"), e.getMessage());
        ImportException noSymbol = assertThrows(ImportException.class, () -> importer.importFiles(
                List.of(ImportFiles.csv(dir, "nosym.csv", HEADER, T0 + ",1,1,1,1,1")),
                ImportOptions.strict(Interval.ONE_MINUTE), ImportProgress.NONE));
        assertTrue(noSymbol.getMessage().contains("no column for symbol (and no --symbol given)"),
                noSymbol.getMessage());
    }

    @Test
    void unknownExtensionsAndEmptyFilesAreRefused() throws IOException {
        Path json = ImportFiles.csv(dir, "bars.json", "{}");
        assertTrue(assertThrows(ImportException.class, () -> importer.importFiles(List.of(json), btc(),
                ImportProgress.NONE)).getMessage().contains("expected .csv, .tsv, .txt, .parquet or .pq"));
        Path empty = dir.resolve("empty.csv");
        java.nio.file.Files.writeString(empty, "");
        assertTrue(assertThrows(ImportException.class, () -> importer.importFiles(List.of(empty), btc(),
                ImportProgress.NONE)).getMessage().contains("is empty"));
    }

    @Test
    void anAlreadyStoredBarRefusesTheImportOrIsSkippedOnRequest() throws IOException {
        Path first = ImportFiles.csv(dir, "first.csv", withHeader(HEADER, csvBars(0, 10)));
        importer.importFiles(List.of(first), btc(), ImportProgress.NONE);
        long version = lakehouse.read(MarketTables.OHLCV).version();
        Path overlap = ImportFiles.csv(dir, "overlap.csv", withHeader(HEADER, csvBars(8, 15)));
        ImportException e = assertThrows(ImportException.class,
                () -> importer.importFiles(List.of(overlap), btc(), ImportProgress.NONE));
        RowProblem p = e.problem().orElseThrow();
        assertEquals(2, p.line());
        assertEquals("ts", p.field());
        assertTrue(p.reason().contains("already stored"), p.reason());
        assertEquals(version, lakehouse.read(MarketTables.OHLCV).version());

        ImportReport report = importer.importFiles(List.of(overlap), btc().withSkipExisting(true),
                ImportProgress.NONE);
        assertEquals(7, report.rowsRead());
        assertEquals(5, report.rowsImported());
        assertEquals(2, report.rowsExisting());
        assertEquals(2, report.problems().size());
        assertEquals(version + 1, report.tableVersion());
        assertStoredBars("BTC-USDT", 0, 15);
    }

    @Test
    void aFailedImportLeavesTheTableAtItsPreviousVersion() throws IOException {
        Path first = ImportFiles.csv(dir, "first.csv", withHeader(HEADER, csvBars(0, 10)));
        long version = importer.importFiles(List.of(first), btc(), ImportProgress.NONE).tableVersion();
        Path good = ImportFiles.csv(dir, "good.csv", withHeader(HEADER, csvBars(10, 1000)));
        List<String> badLines = csvBars(1000, 1100);
        badLines.set(99, badLines.get(99).replaceFirst(",[^,]*$", ",-1"));
        Path bad = ImportFiles.csv(dir, "bad.csv", withHeader(HEADER, badLines));
        ImportException e = assertThrows(ImportException.class,
                () -> importer.importFiles(List.of(good, bad), btc(), ImportProgress.NONE));
        assertEquals(bad, e.file());
        assertEquals(101, e.problem().orElseThrow().line());
        assertEquals("volume", e.problem().orElseThrow().field());
        assertEquals(version, lakehouse.read(MarketTables.OHLCV).version());
        assertEquals(10, tables.readAllBars("BTC-USDT", Interval.ONE_MINUTE).size());
    }

    @Test
    void skipInvalidCountsAndReportsEveryBadRow() throws IOException {
        List<String> lines = csvBars(0, 30);
        lines.set(3, lines.get(3).replaceFirst(",[^,]*$", ",-5"));
        lines.set(7, "garbage,1,2,3");
        lines.add(lines.get(29));
        Path file = ImportFiles.csv(dir, "mixed.csv", withHeader(HEADER, lines));
        ImportReport report = importer.importFiles(List.of(file), btc().withSkipInvalid(true), ImportProgress.NONE);
        assertEquals(31, report.rowsRead());
        assertEquals(28, report.rowsImported());
        assertEquals(3, report.rowsInvalid());
        assertEquals(List.of(5L, 9L, 32L), report.problems().stream().map(RowProblem::line).toList());
        assertEquals(List.of("volume", "ts", "ts"), report.problems().stream().map(RowProblem::field).toList());
        assertEquals(28, tables.readAllBars("BTC-USDT", Interval.ONE_MINUTE).size());
    }

    @Test
    void anImportOfOnlyBadRowsWithSkipInvalidWritesNothing() throws IOException {
        Path file = ImportFiles.csv(dir, "allbad.csv", HEADER, T0 + ",1,0.5,1,1,1");
        ImportReport report = importer.importFiles(List.of(file), btc().withSkipInvalid(true), ImportProgress.NONE);
        assertEquals(0, report.rowsImported());
        assertEquals(1, report.rowsInvalid());
        assertEquals(-1, report.tableVersion());
        assertTrue(report.firstBar().isEmpty());
        assertFalse(lakehouse.exists(MarketTables.OHLCV));
    }

    @Test
    void aFileThatIsNotParquetIsRefusedByName() throws IOException {
        Path fake = ImportFiles.csv(dir, "fake.parquet", HEADER, T0 + ",1,1,1,1,1");
        ImportException e = assertThrows(ImportException.class,
                () -> importer.importFiles(List.of(fake), btc(), ImportProgress.NONE));
        assertTrue(e.getMessage().startsWith(fake + ": cannot be read as Parquet"), e.getMessage());
        assertFalse(lakehouse.exists(MarketTables.OHLCV));
    }
}
