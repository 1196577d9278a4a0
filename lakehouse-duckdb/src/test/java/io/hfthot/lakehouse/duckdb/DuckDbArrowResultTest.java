package io.hfthot.lakehouse.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Arrow IPC results are readable with arrow-vector's {@link ArrowStreamReader} and hold the same columns and
 * values as the JSON result of the same query. The Arrow values are converted here independently of the
 * engine's JSON writer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuckDbArrowResultTest {

    // Numbers parsed exactly and compared without trailing zeros: DECIMALs exactly, doubles by their shortest decimal form.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private TestLakehouse lakehouse;
    private SqlRunner engine;
    private BufferAllocator allocator;

    @BeforeAll
    void start() throws Exception {
        lakehouse = TestLakehouse.create(Files.createTempDirectory("lakehouse-arrow"));
        engine = DuckDbSqlRunner.start(DuckDbSettings.forRoot(lakehouse.root()).withPoolSize(1), lakehouse);
        allocator = new RootAllocator();
    }

    @AfterAll
    void stop() throws IOException {
        engine.close();
        allocator.close();
        try (Stream<Path> files = Files.walk(lakehouse.root())) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @ParameterizedTest(name = "{0} (max {1} rows)")
    @CsvSource(delimiter = '|', value = {
        "SELECT ts, symbol, close, volume, trades FROM market.ohlcv ORDER BY symbol, ts | 1000 | 160 | false",
        "SELECT ts, symbol, close, volume, trades FROM market.ohlcv ORDER BY symbol, ts | 7 | 7 | false",
        "SELECT u.id, u.name, u.joined, u.id = 2 AS is_bob, 1.25::DECIMAL(10,2) AS d FROM auth.users u ORDER BY u.id | 10 | 3 | false",
        "SELECT * FROM market.ohlcv VERSION AS OF 0 | 10 | 0 | false",
        "SELECT range AS i FROM range(200000) ORDER BY i | 70000 | 70000 | true",
        "SELECT range AS i FROM range(200000) ORDER BY i | 200000 | 200000 | false"})
    void arrowResultEqualsJsonResult(String sql, int maxRows, long expectedRows, boolean expectTruncated) throws IOException {
        QueryOptions options = QueryOptions.defaults().withMaxRows(maxRows);
        QueryResult json = engine.query(sql, options.withFormat(ResultFormat.JSON));
        QueryResult arrow = engine.query(sql, options.withFormat(ResultFormat.ARROW));
        boolean truncated = expectTruncated || expectedRows < 160 && sql.contains("ORDER BY symbol");
        assertEquals(expectedRows, arrow.rowCount());
        assertEquals(truncated, arrow.truncated());
        assertEquals(json.rowCount(), arrow.rowCount());
        assertEquals(json.truncated(), arrow.truncated());
        assertEquals(json.columns(), arrow.columns());
        assertEquals("application/vnd.apache.arrow.stream", arrow.contentType());

        JsonNode body = JSON.readTree(json.body());
        List<List<Object>> jsonRows = new ArrayList<>();
        for (JsonNode row : body.get("rows")) {
            List<Object> values = new ArrayList<>();
            row.forEach(v -> values.add(fromJson(v)));
            jsonRows.add(values);
        }
        List<List<Object>> arrowRows = new ArrayList<>();
        List<String> arrowNames = new ArrayList<>();
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(arrow.body()), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            root.getSchema().getFields().forEach(f -> arrowNames.add(f.getName()));
            while (reader.loadNextBatch()) {
                for (int r = 0; r < root.getRowCount(); r++) {
                    List<Object> values = new ArrayList<>();
                    for (FieldVector vector : root.getFieldVectors()) {
                        values.add(fromArrow(vector, r));
                    }
                    arrowRows.add(values);
                }
            }
        }
        assertEquals(json.columns().stream().map(ResultColumn::name).toList(), arrowNames);
        assertEquals(jsonRows, arrowRows);
    }

    /** A JSON value as the Java value the Arrow side produces. */
    private static Object fromJson(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.decimalValue().stripTrailingZeros();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.asText();
    }

    private static Object fromArrow(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof TimeStampMicroTZVector ts) {
            return Instant.EPOCH.plus(ts.get(row), ChronoUnit.MICROS).toString();
        }
        if (vector instanceof BigIntVector big) {
            return big.get(row);
        }
        if (vector instanceof Float8Vector d) {
            return BigDecimal.valueOf(d.get(row)).stripTrailingZeros();
        }
        if (vector instanceof VarCharVector s) {
            return new String(s.get(row), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (vector instanceof DateDayVector date) {
            return LocalDate.ofEpochDay(date.get(row)).toString();
        }
        if (vector instanceof BitVector bit) {
            return bit.get(row) == 1;
        }
        if (vector instanceof DecimalVector decimal) {
            return decimal.getObject(row).stripTrailingZeros();
        }
        throw new AssertionError("unexpected Arrow vector " + vector.getClass().getSimpleName() + " for " + vector.getField());
    }
}
