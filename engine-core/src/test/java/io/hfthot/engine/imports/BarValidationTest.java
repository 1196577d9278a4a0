package io.hfthot.engine.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.market.lakehouse.MarketTables;
import io.hfthot.engine.market.Interval;
import io.hfthot.lakehouse.Lakehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every validation rule, each breaking the third data line (line 4) of an otherwise good file. */
class BarValidationTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "1706659320000,NaN,2,1,1,1            | open   | not a decimal number",
        "1706659320000,1,2,1,,1               | close  | is missing",
        "1706659320000,1,2,1,1                | volume | is missing",
        "1706659320000,1,2,1,1,1e999          | volume | finite",
        "1706659320000,1,2,1,1,-0.5           | volume | must be >= 0",
        "1706659320000,1,2,1.5,1.2,1          | low    | must be <= min(open, close)",
        "1706659320000,1,1.5,1,2,1            | high   | must be >= max(open, close)",
        "1706659320001,1,2,1,1,1              | ts     | not aligned to 1m",
        "1706659260000,1,2,1,1,1              | ts     | must be after the previous BTC-USDT bar",
        "1706659200000,1,2,1,1,1              | ts     | must be after the previous BTC-USDT bar",
        "yesterday,1,2,1,1,1                  | ts     | ISO-8601",
        ",1,2,1,1,1                           | ts     | is missing",
        "1706659320000,1,2,1,1,1,ETH-USDT     | symbol | differs from the symbol given, BTC-USDT",
        "1706659320000,1,2,1,1,1,BTC/USDT     | symbol | must match",
        "1706659320000,0x1p3,9,1,1,1          | open   | not a decimal number",
    })
    void aBadRowRefusesTheImportNamingFileLineAndField(String row, String field, String reason) throws IOException {
        Path file = ImportFiles.csv(dir, "bars.csv", "ts,open,high,low,close,volume,symbol",
                "1706659200000,1,2,1,1,1", "1706659260000,1,2,1,1,1", row.strip(), "1706659380000,1,2,1,1,1");
        Lakehouse lakehouse = Lakehouse.open(dir.resolve("lakehouse"));
        BarImporter importer = new BarImporter(lakehouse);
        ImportException e = assertThrows(ImportException.class, () -> importer.importFiles(List.of(file),
                ImportOptions.strict(Interval.ONE_MINUTE).withSymbol("BTC-USDT"), ImportProgress.NONE));
        RowProblem p = e.problem().orElseThrow();
        assertEquals(file, p.file());
        assertEquals(4, p.line());
        assertEquals(field, p.field());
        assertTrue(p.reason().contains(reason), p.reason());
        assertTrue(e.getMessage().startsWith(file + ":4: field " + field), e.getMessage());
        assertTrue(!lakehouse.exists(MarketTables.OHLCV), "nothing written");
    }
}
