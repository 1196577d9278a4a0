package io.hfthot.server.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.sql.SqlResponse;
import io.hfthot.engine.market.lakehouse.MarketTables;
import io.hfthot.engine.sql.SqlFormat;
import io.hfthot.engine.sql.SqlLimits;
import io.hfthot.engine.market.Interval;
import io.hfthot.lakehouse.duckdb.DuckDbQueryEngine;
import io.hfthot.lakehouse.duckdb.SqlRunner;
import io.hfthot.lakehouse.duckdb.QueryOptions;
import io.hfthot.lakehouse.duckdb.QueryResult;
import io.hfthot.lakehouse.duckdb.RowFloor;
import io.hfthot.server.MarketRows;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's SQL seam served by DuckDB over the lab's own lakehouse. */
class DuckDbQueryEngineWiringTest {
    private static final Instant NOW = Instant.parse("2026-01-12T14:00:30Z");
    /** Five years of history: the small test history (400 days) is all visible. */
    private static final Principal PRO = caller(Tier.PROFESSIONAL);

    @TempDir
    Path dir;

    @Test
    void sqlReadsTheLabsMarketTablesWithTimeTravelAndRefusesEverythingElse() throws IOException {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (LabService lab = LabService.start(LabConfig.forTests(dir, 7L), clock, DuckDbQueryEngine::forLakehouse)) {
            ObjectMapper json = new ObjectMapper();
            SqlResponse r = lab.sql(PRO, "SELECT count(*) FROM market.ohlcv WHERE symbol = 'BTC-USDT' AND interval = '1h'", null);
            assertEquals("application/json", r.contentType());
            JsonNode body = json.readTree(r.body());
            assertEquals(lab.engine().marketHistory().cache().size("BTC-USDT", Interval.ONE_HOUR), body.get("rows").get(0).get(0).asLong());

            // Version 0 created the table; version 1 is the first start's bulk write of every symbol and interval.
            JsonNode v0 = json.readTree(lab.sql(PRO, "SELECT count(*) FROM market.ohlcv VERSION AS OF 0", "json").body());
            assertEquals(0, v0.get("rows").get(0).get(0).asLong());
            JsonNode v1 = json.readTree(lab.sql(PRO, "SELECT count(*) FROM market.ohlcv VERSION AS OF 1 WHERE interval = '1d'",
                    "json").body());
            assertEquals((long) lab.engine().market().symbols().size()
                    * lab.engine().marketHistory().cache().size("SOL-USDT", Interval.ONE_DAY), v1.get("rows").get(0).get(0).asLong());
            long version = lab.engine().lakehouse().read(MarketTables.OHLCV).version();
            assertEquals("application/vnd.apache.arrow.stream",
                    lab.sql(PRO, "SELECT * FROM market.ohlcv VERSION AS OF " + version + " LIMIT 5", "arrow").contentType());

            assertInvalidSql(lab, "SELECT * FROM auth.api_keys");
            assertInvalidSql(lab, "DROP TABLE market.ohlcv");
            assertInvalidSql(lab, "SELECT * FROM market.ohlcv VERSION AS OF 999999");
            assertInvalidSql(lab, "SELEC 1");
            EngineException format = assertThrows(EngineException.class, () -> lab.sql(PRO, "SELECT 1", "csv"));
            assertEquals("format", format.parameter().orElseThrow());
        }
    }

    private static void assertInvalidSql(LabService lab, String sql) {
        EngineException e = assertThrows(EngineException.class, () -> lab.sql(PRO, sql, "json"));
        assertEquals(ErrorCode.INVALID_PARAMS, e.code(), e.getMessage());
        assertEquals("sql", e.parameter().orElseThrow());
    }

    private static Principal caller(Tier tier) {
        return new Principal("kid-" + tier.id(), "tester", tier, NOW);
    }

    private static long count(LabService lab, Principal caller, String sql) throws IOException {
        return new ObjectMapper().readTree(lab.sql(caller, sql, "json").body()).get("rows").get(0).get(0).asLong();
    }

    @Test
    void rowsOlderThanTheCallersDepthDoNotExistForItsQueries() throws IOException {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (LabService lab = LabService.start(LabConfig.forTests(dir, 7L), clock, DuckDbQueryEngine::forLakehouse)) {
            Instant freeFloor = NOW.atOffset(ZoneOffset.UTC).minusDays(30).toInstant();
            Instant hobbyistFloor = NOW.atOffset(ZoneOffset.UTC).minusYears(1).toInstant();
            Principal free = caller(Tier.FREE_BETA);
            Principal hobbyist = caller(Tier.HOBBYIST);
            Principal enterprise = caller(Tier.ENTERPRISE);
            long version = lab.engine().lakehouse().read(MarketTables.OHLCV).version();
            long all = MarketRows.countFrom(lab, MarketTables.OHLCV, version, Instant.EPOCH);
            assertTrue(MarketRows.countFrom(lab, MarketTables.OHLCV, version, hobbyistFloor) < all,
                    "the history is older than a year");

            String countAll = "SELECT count(*) FROM market.ohlcv";
            assertEquals(MarketRows.countFrom(lab, MarketTables.OHLCV, version, freeFloor), count(lab, free, countAll));
            assertEquals(MarketRows.countFrom(lab, MarketTables.OHLCV, version, hobbyistFloor), count(lab, hobbyist, countAll));
            assertEquals(all, count(lab, enterprise, countAll), "Enterprise history is unbounded");
            assertEquals(1, count(lab, free, "SELECT count(*) FROM (SELECT min(ts) AS first FROM market.ohlcv) "
                    + "WHERE first >= TIMESTAMPTZ '" + freeFloor + "'"));

            // Every way of naming the table reads through the bounded scan.
            String older = " ts < TIMESTAMPTZ '" + freeFloor + "'";
            for (String attempt : new String[] {
                "SELECT count(*) FROM market.ohlcv WHERE" + older,
                "SELECT count(*) FROM market.ohlcv VERSION AS OF 1 WHERE" + older,
                "SELECT count(*) FROM market.ohlcv TIMESTAMP AS OF '" + NOW.plusSeconds(3600) + "' WHERE" + older,
                "SELECT count(*) FROM (SELECT * FROM market.ohlcv VERSION AS OF 1) t WHERE" + older,
                "WITH old AS (SELECT * FROM market.ohlcv WHERE" + older + ") SELECT count(*) FROM old",
                "SELECT count(*) FROM market.ohlcv a JOIN market.ohlcv VERSION AS OF 1 b USING (symbol, interval, ts) WHERE a." + older.trim(),
                "SELECT count(*) FROM (SELECT ts FROM market.ohlcv UNION ALL SELECT ts FROM market.ticks) WHERE" + older,
            }) {
                assertEquals(0, count(lab, free, attempt), attempt);
                assertTrue(count(lab, enterprise, attempt) > 0 || attempt.contains("ticks"), attempt);
            }
            assertEquals(MarketRows.countFrom(lab, MarketTables.OHLCV, 1, hobbyistFloor),
                    count(lab, hobbyist, "SELECT count(*) FROM market.ohlcv VERSION AS OF 1"));
            assertEquals(count(lab, enterprise, "SELECT count(*) FROM market.ticks"), count(lab, free, "SELECT count(*) FROM market.ticks"),
                    "the recent ticks are within every depth");
        }
    }

    @Test
    void theCallersBoundBecomesTheQuerysRowFloorOnTs() {
        List<QueryOptions> seen = new ArrayList<>();
        SqlRunner recording = new SqlRunner() {
            @Override
            public QueryResult query(String sql, QueryOptions options) {
                seen.add(options);
                return new QueryResult(options.format(), List.of(), 0, false, List.of(), Duration.ZERO, new byte[0]);
            }

            @Override
            public void close() {
            }
        };
        try (DuckDbQueryEngine sql = new DuckDbQueryEngine(recording, QueryOptions.defaults(), SqlLimits.defaults())) {
            Instant bound = Instant.parse("2025-01-12T14:00:30Z");
            sql.query("SELECT 1", SqlFormat.JSON, bound, PRO);
            sql.query("SELECT 1", SqlFormat.ARROW, null, PRO);
            sql.query("SELECT 1", SqlFormat.JSON, Instant.parse("-0100-01-01T00:00:00Z"), PRO);
            assertEquals(new RowFloor("ts", bound), seen.get(0).rowFloor());
            assertNull(seen.get(1).rowFloor(), "no bound, no floor");
            assertEquals(RowFloor.MIN_EARLIEST, seen.get(2).rowFloor().earliest(),
                    "a bound before year 1 is raised to the earliest floor DuckDB literals express");
        }
    }
}
