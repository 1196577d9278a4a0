package io.hfthot.lakehouse.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link SqlRunner} must show over {@link TestLakehouse}. Implementations extend this class
 * and say how to build the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SqlRunnerContract {

    /** Parses JSON results. */
    protected static final ObjectMapper JSON = new ObjectMapper();

    /** The lakehouse the engine reads. */
    protected TestLakehouse lakehouse;
    /** The engine under test. */
    protected SqlRunner engine;

    /** Builds the engine under test over {@code root}, resolving tables through {@code resolver}. */
    protected abstract SqlRunner createEngine(Path root, TableResolver resolver);

    @BeforeAll
    void startEngine() throws Exception {
        lakehouse = TestLakehouse.create(Files.createTempDirectory("lakehouse-sql-test"));
        engine = createEngine(lakehouse.root(), lakehouse);
    }

    @AfterAll
    void stopEngine() throws IOException {
        engine.close();
        try (Stream<Path> files = Files.walk(lakehouse.root())) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs {@code sql} with default options and parses the JSON body. */
    protected JsonNode json(String sql) {
        return json(sql, QueryOptions.defaults());
    }

    /** Runs {@code sql} with {@code options} (JSON format) and parses the body. */
    protected JsonNode json(String sql, QueryOptions options) {
        QueryResult result = engine.query(sql, options.withFormat(ResultFormat.JSON));
        try {
            JsonNode body = JSON.readTree(result.body());
            assertEquals(result.rowCount(), body.get("row_count").asLong());
            assertEquals(result.truncated(), body.get("truncated").asBoolean());
            return body;
        } catch (IOException e) {
            throw new AssertionError("result is not JSON", e);
        }
    }

    private static long single(JsonNode body) {
        assertEquals(1, body.get("rows").size(), body.toString());
        return body.get("rows").get(0).get(0).asLong();
    }

    @Test
    void latestSnapshotHasEveryRowWithItsPartitionValue() {
        JsonNode body = json("SELECT symbol, count(*) AS n FROM market.ohlcv GROUP BY symbol ORDER BY symbol");
        assertEquals("[[\"BTC-USDT\",100],[\"ETH-USDT\",50],[\"SOL-USDT\",10]]", body.get("rows").toString());
        assertEquals("symbol", body.get("columns").get(0).get("name").asText());
        assertEquals("VARCHAR", body.get("columns").get(0).get("type").asText());
        assertEquals("BIGINT", body.get("columns").get(1).get("type").asText());
    }

    @Test
    void versionAsOfReadsThatSnapshot() {
        assertEquals(100, single(json("SELECT count(*) FROM market.ohlcv VERSION AS OF 1")));
        assertEquals(150, single(json("SELECT count(*) FROM market.ohlcv version as of 2 WHERE close > 0")));
        JsonNode seedExample = json("SELECT * FROM market.ohlcv VERSION AS OF 1");
        assertEquals(100, seedExample.get("row_count").asInt());
        assertEquals("market.ohlcv VERSION AS OF 1", seedExample.get("tables").get(0).get("table").asText());
        assertEquals(1, seedExample.get("tables").get(0).get("version").asInt());
    }

    @Test
    void emptySnapshotStillHasItsTypedColumns() {
        JsonNode body = json("SELECT * FROM market.ohlcv VERSION AS OF 0");
        assertEquals(0, body.get("rows").size());
        List<String> names = new ArrayList<>();
        body.get("columns").forEach(c -> names.add(c.get("name").asText() + ":" + c.get("type").asText()));
        assertEquals(List.of("ts:TIMESTAMP WITH TIME ZONE", "symbol:VARCHAR", "open:DOUBLE", "high:DOUBLE", "low:DOUBLE",
                "close:DOUBLE", "volume:DOUBLE"), names);
    }

    @Test
    void timestampAsOfReadsTheSnapshotCurrentThen() {
        assertEquals(100, single(json("SELECT count(*) FROM market.ohlcv TIMESTAMP AS OF '2026-01-01 01:30:00'")));
        assertEquals(150, single(json("SELECT count(*) FROM market.ohlcv TIMESTAMP AS OF '2026-01-01T04:59:00+02:00'")));
        assertEquals(160, single(json("SELECT count(*) FROM market.ohlcv TIMESTAMP AS OF '2027-01-01'")));
    }

    @Test
    void oneQueryCanReadTwoVersionsOfATable() {
        JsonNode body = json("SELECT (SELECT count(*) FROM market.ohlcv VERSION AS OF 2) - (SELECT count(*) FROM market.ohlcv "
                + "VERSION AS OF 1) AS added");
        assertEquals(50, single(body));
        JsonNode joined = json("SELECT count(*) FROM market.ohlcv VERSION AS OF 3 AS now_ LEFT JOIN market.ohlcv VERSION AS OF 1 "
                + "old ON now_.ts = old.ts AND now_.symbol = old.symbol WHERE old.ts IS NULL");
        assertEquals(60, single(joined));
    }

    @Test
    void columnsAddedLaterAreNullInOlderFiles() {
        JsonNode body = json("SELECT count(*), count(trades), sum(trades) FROM market.ohlcv");
        assertEquals("[[160,10,45]]", body.get("rows").toString());
    }

    @Test
    void seedHourlyAggregateMatchesAHandComputedOne() {
        JsonNode body = json("""
                SELECT date_trunc('hour', ts) as hour,
                       avg(close) as avg_close,
                       sum(volume) as total_vol
                FROM market.ohlcv
                WHERE symbol = 'BTC-USDT'
                  AND ts >= TIMESTAMPTZ '2026-01-01 01:40:00+00' - INTERVAL '24 hours'
                GROUP BY 1 ORDER BY 1
                """);
        // Minutes 0..59 fall in hour 0, 60..99 in hour 1; close = 42000 + i, volume = 1 + i / 10.
        assertEquals(2, body.get("rows").size());
        JsonNode first = body.get("rows").get(0);
        assertEquals("2026-01-01T00:00:00Z", first.get(0).asText());
        assertEquals(42000 + 29.5, first.get(1).asDouble(), 1e-9);
        assertEquals(60 + (59 * 60 / 2) / 10.0, first.get(2).asDouble(), 1e-9);
        JsonNode second = body.get("rows").get(1);
        assertEquals("2026-01-01T01:00:00Z", second.get(0).asText());
        assertEquals(42000 + 79.5, second.get(1).asDouble(), 1e-9);
        assertEquals(40 + (60 + 99) * 40 / 2 / 10.0, second.get(2).asDouble(), 1e-9);
        assertEquals("TIMESTAMP WITH TIME ZONE", body.get("columns").get(0).get("type").asText());
    }

    @Test
    void tableNamesInsideLiteralsAndCommentsAreLeftAlone() {
        JsonNode body = json("SELECT 'market.ohlcv VERSION AS OF 1' AS label, count(*) AS n /* FROM market.ohlcv VERSION AS OF 1 */ "
                + "FROM market.ohlcv -- VERSION AS OF 1\n WHERE symbol <> 'market.ohlcv'");
        assertEquals("[[\"market.ohlcv VERSION AS OF 1\",160]]", body.get("rows").toString());
    }

    @Test
    void aliasesAndQuotedNamesWork() {
        assertEquals(42000, single(json("SELECT o.close FROM \"market\".\"ohlcv\" AS o WHERE o.symbol = 'BTC-USDT' ORDER BY o.ts LIMIT 1")));
        assertEquals(42000, single(json("SELECT ohlcv.close FROM market.ohlcv VERSION AS OF 1 ORDER BY ohlcv.ts LIMIT 1")));
        assertEquals(3, single(json("WITH u AS (SELECT * FROM auth.users) SELECT count(*) FROM u, market.ohlcv m WHERE m.close = 42000")));
    }

    @Test
    void nonAsciiTextBeforeATableKeepsOffsetsRight() {
        JsonNode body = json("SELECT 'é€😀' AS s, count(*) FROM market.ohlcv VERSION AS OF 1 WHERE symbol <> '€'");
        assertEquals("[[\"é€😀\",100]]", body.get("rows").toString());
    }

    @Test
    void duckDbSelectFeaturesWorkOverLakehouseTables() {
        assertEquals(160, single(json("FROM market.ohlcv SELECT count(*)")));
        assertEquals(5, single(json("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT max(n) FROM r")));
        assertEquals(3, json("SELECT symbol, close FROM market.ohlcv QUALIFY row_number() OVER (PARTITION BY symbol ORDER BY ts) = 1")
                .get("rows").size());
        assertEquals("[[100,50,10]]", json("SELECT * FROM (PIVOT (SELECT symbol FROM market.ohlcv) ON symbol "
                + "IN ('BTC-USDT', 'ETH-USDT', 'SOL-USDT') USING count(*))").get("rows").toString());
        assertEquals(2, single(json("SELECT count(*) FROM (VALUES (1), (2)) v(x)")));
        assertEquals(4, single(json("SELECT count(*) FROM range(4)")));
    }

    @Test
    void moreRowsThanTheLimitAreTruncatedAndFlagged() {
        JsonNode limited = json("SELECT * FROM market.ohlcv ORDER BY ts, symbol", QueryOptions.defaults().withMaxRows(7));
        assertEquals(7, limited.get("rows").size());
        assertTrue(limited.get("truncated").asBoolean());
        JsonNode exact = json("SELECT * FROM market.ohlcv VERSION AS OF 1", QueryOptions.defaults().withMaxRows(100));
        assertEquals(100, exact.get("rows").size());
        assertFalse(exact.get("truncated").asBoolean());
    }

    @Test
    void aQueryOverItsTimeLimitIsCancelledAndTheEngineStaysUsable() {
        QueryOptions fast = QueryOptions.defaults().withTimeout(Duration.ofMillis(300));
        // A streamed aggregate over 10^12 rows: minutes of work in constant memory, so only the time limit
        // can stop it (a cross join would materialise one side and could hit the memory limit first).
        QueryTimeoutException e = assertThrows(QueryTimeoutException.class, () -> engine.query(
                "SELECT sum(hash(range)) FROM range(1000000000000)", fast));
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        for (int i = 0; i < 8; i++) {
            assertEquals(100, single(json("SELECT count(*) FROM market.ohlcv VERSION AS OF 1")));
        }
    }

    @Test
    void unknownTablesAndVersionsAreClearUserErrors() {
        TableResolutionException unknown = assertThrows(TableResolutionException.class, () -> json("SELECT * FROM market.trades"));
        assertTrue(unknown.getMessage().contains("market.trades"), unknown.getMessage());
        TableResolutionException version = assertThrows(TableResolutionException.class,
                () -> json("SELECT * FROM market.ohlcv VERSION AS OF 42"));
        assertTrue(version.getMessage().contains("42"), version.getMessage());
        assertThrows(TableResolutionException.class, () -> json("SELECT * FROM market.ohlcv TIMESTAMP AS OF '2020-01-01'"));
        InvalidQueryException badTimestamp = assertThrows(InvalidQueryException.class,
                () -> json("SELECT * FROM market.ohlcv TIMESTAMP AS OF 'yesterday'"));
        assertTrue(badTimestamp.getMessage().contains("yesterday"), badTimestamp.getMessage());
        assertThrows(InvalidQueryException.class, () -> json("SELECT * FROM market.ohlcv VERSION AS OF -1"));
        assertThrows(InvalidQueryException.class, () -> json("SELECT * FROM ohlcv"));
    }

    @Test
    void syntaxAndBindingErrorsAreInvalidQueriesThatHideServerPaths() {
        InvalidQueryException syntax = assertThrows(InvalidQueryException.class, () -> json("SELECT FROM WHERE"));
        assertTrue(syntax.getMessage().toLowerCase(java.util.Locale.ROOT).contains("syntax"), syntax.getMessage());
        InvalidQueryException binder = assertThrows(InvalidQueryException.class, () -> json("SELECT no_such_column FROM market.ohlcv"));
        assertTrue(binder.getMessage().contains("no_such_column"), binder.getMessage());
        assertFalse(binder.getMessage().contains(lakehouse.root().toString()), binder.getMessage());
        assertThrows(InvalidQueryException.class, () -> json("   ;"));
    }

    @Test
    void resultsAreIsoTimestampsDatesAndNulls() {
        JsonNode body = json("SELECT id, name, joined, TIMESTAMP '2026-01-02 03:04:05' AS local_ts, 1.25::DECIMAL(10,2) AS d, "
                + "'NaN'::DOUBLE AS nan FROM auth.users ORDER BY id");
        assertEquals("[1,\"alice\",\"2026-01-02\",\"2026-01-02T03:04:05\",1.25,\"NaN\"]", body.get("rows").get(0).toString());
        assertEquals("[3,\"o'brien\",null,\"2026-01-02T03:04:05\",1.25,\"NaN\"]", body.get("rows").get(2).toString());
    }

    /** Options whose row floor on {@code ts} is {@code earliest}. */
    private static QueryOptions floorAt(String earliest) {
        return QueryOptions.defaults().withRowFloor("ts", java.time.Instant.parse(earliest));
    }

    private static final String FLOOR = "2026-01-01T00:30:00Z";

    @Test
    void rowsBelowTheFloorAreInvisibleToEveryAggregateAndFilter() {
        QueryOptions floor = floorAt(FLOOR);
        assertEquals(90, json("SELECT * FROM market.ohlcv", floor).get("row_count").asInt());
        assertEquals(90, single(json("SELECT count(*) FROM market.ohlcv", floor)));
        assertEquals("[[true,true]]", json("SELECT min(ts) = TIMESTAMPTZ '2026-01-01 00:30:00+00', "
                + "max(ts) = TIMESTAMPTZ '2026-01-01 01:39:00+00' FROM market.ohlcv", floor).get("rows").toString(),
                "the first visible bar is the floor itself; the newest is untouched");
        assertEquals(0, single(json("SELECT count(*) FROM market.ohlcv WHERE ts < TIMESTAMPTZ '2026-01-01 00:30:00+00'", floor)));
        assertEquals("[[\"BTC-USDT\",70],[\"ETH-USDT\",20]]",
                json("SELECT symbol, count(*) FROM market.ohlcv GROUP BY symbol ORDER BY symbol", floor).get("rows").toString(),
                "SOL-USDT's ten bars are all older than the floor");
        QueryResult arrow = engine.query("SELECT * FROM market.ohlcv", floor.withFormat(ResultFormat.ARROW));
        assertEquals(90, arrow.rowCount());
    }

    @Test
    void timeTravelSubqueriesCtesJoinsAndUnionsCannotGetBelowTheFloor() {
        QueryOptions floor = floorAt(FLOOR);
        assertEquals(70, single(json("SELECT count(*) FROM market.ohlcv VERSION AS OF 1", floor)));
        assertEquals(90, single(json("SELECT count(*) FROM market.ohlcv TIMESTAMP AS OF '2026-01-01 02:30:00'", floor)));
        assertEquals(0, single(json("SELECT count(*) FROM (SELECT * FROM market.ohlcv VERSION AS OF 2) t "
                + "WHERE ts < TIMESTAMPTZ '2026-01-01 00:30:00+00'", floor)));
        assertEquals(0, single(json("WITH old AS (SELECT * FROM market.ohlcv VERSION AS OF 1 "
                + "WHERE ts < TIMESTAMPTZ '2026-01-01 00:30:00+00') SELECT count(*) FROM old", floor)));
        assertEquals(70, single(json("SELECT count(*) FROM market.ohlcv a JOIN market.ohlcv VERSION AS OF 1 b "
                + "ON a.ts = b.ts AND a.symbol = b.symbol", floor)));
        assertEquals(160, single(json("SELECT count(*) FROM (SELECT ts FROM market.ohlcv VERSION AS OF 1 UNION ALL "
                + "SELECT ts FROM market.ohlcv)", floor)));
        assertEquals(0, single(json("SELECT count(*) FROM market.ohlcv WHERE ts IN (SELECT ts FROM market.ohlcv VERSION AS OF 3 "
                + "WHERE symbol = 'SOL-USDT')", floor)), "SOL-USDT's bars are gone from every version");
    }

    @Test
    void theFloorIsInclusiveAndTablesWithoutTheColumnAreUnaffected() {
        assertEquals(88, single(json("SELECT count(*) FROM market.ohlcv", floorAt("2026-01-01T00:30:00.000001Z"))),
                "a floor one microsecond after a bar hides it");
        assertEquals(0, single(json("SELECT count(*) FROM market.ohlcv", floorAt("2027-01-01T00:00:00Z"))));
        QueryOptions floor = floorAt(FLOOR);
        assertEquals(3, single(json("SELECT count(*) FROM auth.users", floor)), "auth.users has no ts column");
        assertEquals(270, single(json("SELECT count(*) FROM market.ohlcv CROSS JOIN auth.users", floor)));
    }

    @Test
    void withoutAFloorOrWithOneBeforeAllDataEveryRowIsVisible() {
        String all = "SELECT * FROM market.ohlcv ORDER BY symbol, ts";
        JsonNode none = json(all);
        assertEquals(160, none.get("row_count").asInt());
        assertEquals(none.get("rows"), json(all, QueryOptions.defaults().withRowFloor(null)).get("rows"));
        assertEquals(none.get("rows"), json(all, floorAt("2025-12-31T23:59:59Z")).get("rows"));
        assertEquals(none.get("rows"), json(all, floorAt(FLOOR).withRowFloor(null)).get("rows"));
    }

    @Test
    void aFloorOnAColumnThatIsNotATimestampFailsTheQueriesThatReadIt() {
        QueryOptions onDate = QueryOptions.defaults().withRowFloor("joined", java.time.Instant.parse("2026-01-03T00:00:00Z"));
        QueryExecutionException e = assertThrows(QueryExecutionException.class, () -> json("SELECT * FROM auth.users", onDate));
        assertTrue(e.getMessage().contains("joined"), e.getMessage());
        assertEquals(160, single(json("SELECT count(*) FROM market.ohlcv", onDate)), "market.ohlcv has no joined column");
    }
}
