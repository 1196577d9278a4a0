package io.hfthot.lakehouse.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.DeltaTable;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.LakehouseOptions;
import io.hfthot.lakehouse.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@link LakehouseTableResolver} over a real lakehouse-core table, alone and behind {@link DuckDbSqlRunner}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LakehouseTableResolverTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Schema OHLCV = Schema.of(Field.required("symbol", DataType.STRING),
            Field.required("ts", DataType.TIMESTAMP), Field.required("close", DataType.DOUBLE));

    @TempDir
    static Path root;

    private Lakehouse lakehouse;
    private LakehouseTableResolver resolver;
    private DuckDbSqlRunner engine;

    @BeforeAll
    void setUp() {
        // Commit v is made at T0 + v hours.
        Instant[] now = {T0};
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        lakehouse = Lakehouse.open(root, LakehouseOptions.defaults().withClock(clock));
        DeltaTable ohlcv = lakehouse.createTable("market.ohlcv", OHLCV, List.of("symbol"));
        now[0] = T0.plusSeconds(3600);
        ohlcv.append(bars("BTC-USDT", 100, 42_000));
        now[0] = T0.plusSeconds(7200);
        ohlcv.append(bars("ETH-USDT", 50, 2_000));
        lakehouse.createTable("auth.api_keys", Schema.of(Field.required("fingerprint", DataType.STRING)), List.of())
                .append(ColumnBatch.builder(Schema.of(Field.required("fingerprint", DataType.STRING)))
                        .addRow("ab".repeat(32)).build());
        resolver = new LakehouseTableResolver(lakehouse, Set.of("market"));
        engine = DuckDbSqlRunner.start(DuckDbSettings.forRoot(root), resolver);
    }

    @AfterAll
    void tearDown() {
        engine.close();
    }

    private static ColumnBatch bars(String symbol, int n, double base) {
        ColumnBatch.Builder b = ColumnBatch.builder(OHLCV);
        for (int i = 0; i < n; i++) {
            b.addRow(symbol, T0.plusSeconds(60L * i), base + i);
        }
        return b.build();
    }

    @Test
    void resolvesLatestVersionAndTimestampToTheSnapshotsFiles() {
        ResolvedTable latest = resolver.resolve(TableRef.latest("market", "ohlcv"));
        assertEquals(2, latest.version());
        assertEquals(List.of("symbol"), latest.partitionColumns());
        assertEquals(List.of(new ResolvedTable.Column("symbol", "string"), new ResolvedTable.Column("ts", "timestamp"),
                new ResolvedTable.Column("close", "double")), latest.columns());
        assertEquals(Set.of("BTC-USDT", "ETH-USDT"), Set.copyOf(latest.files().stream()
                .map(f -> f.partitionValues().get("symbol")).toList()));
        for (ResolvedTable.DataFile f : latest.files()) {
            assertTrue(f.path().isAbsolute() && f.path().startsWith(root.toAbsolutePath()), f.path().toString());
        }
        ResolvedTable v1 = resolver.resolve(new TableRef("market", "ohlcv", new TimeTravel.AtVersion(1)));
        assertEquals(1, v1.version());
        assertEquals(List.of(Map.of("symbol", "BTC-USDT")), v1.files().stream().map(ResolvedTable.DataFile::partitionValues).toList());
        ResolvedTable atHalfPastOne = resolver.resolve(new TableRef("market", "ohlcv",
                new TimeTravel.AtTimestamp(T0.plusSeconds(5400))));
        assertEquals(1, atHalfPastOne.version());
        assertEquals(2, resolver.resolve(new TableRef("MARKET", "OHLCV", TimeTravel.latest())).version(),
                "SQL identifiers are case-insensitive");
    }

    @Test
    void unknownHiddenAndOutOfRangeReferencesAreResolutionErrorsNamingTheRange() {
        TableResolutionException unknown = assertThrows(TableResolutionException.class,
                () -> resolver.resolve(TableRef.latest("market", "quotes")));
        assertTrue(unknown.getMessage().contains("market.ohlcv"), unknown.getMessage());
        TableResolutionException hidden = assertThrows(TableResolutionException.class,
                () -> resolver.resolve(TableRef.latest("auth", "api_keys")));
        assertTrue(hidden.getMessage().endsWith("known tables: [market.ohlcv]"), "a hidden table is reported as unknown: "
                + hidden.getMessage());
        TableResolutionException version = assertThrows(TableResolutionException.class,
                () -> resolver.resolve(new TableRef("market", "ohlcv", new TimeTravel.AtVersion(9))));
        assertTrue(version.getMessage().contains("versions 0 to 2"), version.getMessage());
        assertThrows(TableResolutionException.class, () -> resolver.resolve(new TableRef("market", "ohlcv",
                new TimeTravel.AtTimestamp(T0.minusSeconds(1)))));
        assertThrows(TableResolutionException.class, () -> resolver.resolve(TableRef.latest("market", "..")));
        assertEquals(List.of("market.ohlcv"), resolver.tables());
        assertEquals(List.of("auth.api_keys", "market.ohlcv"), new LakehouseTableResolver(lakehouse).tables());
    }

    @Test
    void duckDbQueriesTheLakehouseWithTimeTravel() throws IOException {
        assertEquals(150, count("SELECT count(*) FROM market.ohlcv"));
        assertEquals(100, count("SELECT count(*) FROM market.ohlcv VERSION AS OF 1"));
        assertEquals(0, count("SELECT count(*) FROM market.ohlcv VERSION AS OF 0"));
        assertEquals(50, count("SELECT count(*) FROM market.ohlcv WHERE symbol = 'ETH-USDT'"));
        JsonNode max = json("SELECT max(close) FROM market.ohlcv WHERE symbol = 'BTC-USDT'");
        assertEquals(42_099.0, max.get("rows").get(0).get(0).asDouble(), 0.0);
        assertThrows(InvalidQueryException.class, () -> engine.query("SELECT * FROM auth.api_keys", QueryOptions.defaults()));
    }

    private long count(String sql) throws IOException {
        return json(sql).get("rows").get(0).get(0).asLong();
    }

    private JsonNode json(String sql) throws IOException {
        return JSON.readTree(engine.query(sql, QueryOptions.defaults()).body());
    }
}
