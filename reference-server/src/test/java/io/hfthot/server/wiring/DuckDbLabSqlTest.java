package io.hfthot.server.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabEngine;
import io.hfthot.engine.lab.LabErrorCode;
import io.hfthot.engine.lab.LabException;
import io.hfthot.engine.lab.api.SqlResponse;
import io.hfthot.engine.lab.market.MarketTables;
import io.hfthot.engine.market.Interval;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's SQL seam served by DuckDB over the lab's own lakehouse. */
class DuckDbLabSqlTest {
    @TempDir
    Path dir;

    @Test
    void sqlReadsTheLabsMarketTablesWithTimeTravelAndRefusesEverythingElse() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-01-12T14:00:30Z"), ZoneOffset.UTC);
        try (LabEngine lab = LabEngine.start(LabConfig.forTests(dir, 7L), clock, DuckDbLabSql::forLab)) {
            ObjectMapper json = new ObjectMapper();
            SqlResponse r = lab.sql("SELECT count(*) FROM market.ohlcv WHERE symbol = 'BTC-USDT' AND interval = '1h'", null);
            assertEquals("application/json", r.contentType());
            JsonNode body = json.readTree(r.body());
            assertEquals(lab.marketData().cache().size("BTC-USDT", Interval.ONE_HOUR), body.get("rows").get(0).get(0).asLong());

            // Version 0 created the table; version 1 is the first start's bulk write of every symbol and interval.
            JsonNode v0 = json.readTree(lab.sql("SELECT count(*) FROM market.ohlcv VERSION AS OF 0", "json").body());
            assertEquals(0, v0.get("rows").get(0).get(0).asLong());
            JsonNode v1 = json.readTree(lab.sql("SELECT count(*) FROM market.ohlcv VERSION AS OF 1 WHERE interval = '1d'",
                    "json").body());
            assertEquals(3L * lab.marketData().cache().size("SOL-USDT", Interval.ONE_DAY), v1.get("rows").get(0).get(0).asLong());
            long version = lab.lakehouse().read(MarketTables.OHLCV).version();
            assertEquals("application/vnd.apache.arrow.stream",
                    lab.sql("SELECT * FROM market.ohlcv VERSION AS OF " + version + " LIMIT 5", "arrow").contentType());

            assertInvalidSql(lab, "SELECT * FROM auth.api_keys");
            assertInvalidSql(lab, "DROP TABLE market.ohlcv");
            assertInvalidSql(lab, "SELECT * FROM market.ohlcv VERSION AS OF 999999");
            assertInvalidSql(lab, "SELEC 1");
            LabException format = assertThrows(LabException.class, () -> lab.sql("SELECT 1", "csv"));
            assertEquals("format", format.parameter().orElseThrow());
        }
    }

    private static void assertInvalidSql(LabEngine lab, String sql) {
        LabException e = assertThrows(LabException.class, () -> lab.sql(sql, "json"));
        assertEquals(LabErrorCode.INVALID_PARAMS, e.code(), e.getMessage());
        assertEquals("sql", e.parameter().orElseThrow());
    }
}
