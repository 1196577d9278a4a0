package io.hfthot.engine.lab;

import io.hfthot.engine.testkit.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.api.ParquetExport;
import io.hfthot.engine.sql.SqlResponse;
import io.hfthot.engine.lab.api.TableRead;
import io.hfthot.engine.history.TableHistory;
import io.hfthot.engine.market.lakehouse.MarketTables;
import io.hfthot.engine.sql.QueryEngine;
import io.hfthot.engine.sql.SqlFormat;
import io.hfthot.lakehouse.ColumnVector;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tier's historical depth on whole-table reads: a versioned or as-of read, a Parquet export and the bound
 * handed to the SQL engine. The small history plan writes 400 days of daily bars, so the Free Beta (30 days)
 * and Hobbyist (1 year) depths both cut it, and an Enterprise caller sees all of it. Counts are checked against
 * an independent count over the whole snapshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabHistoricalDepthTest {
    private static final Principal FREE = LabFixtures.caller(Tier.FREE_BETA);
    private static final Principal HOBBYIST = LabFixtures.caller(Tier.HOBBYIST);
    private static final Principal ENTERPRISE = LabFixtures.caller(Tier.ENTERPRISE);
    private static final Instant FREE_FLOOR = LabFixtures.START.atOffset(ZoneOffset.UTC).minusDays(30).toInstant();
    private static final Instant HOBBYIST_FLOOR = LabFixtures.START.atOffset(ZoneOffset.UTC).minusYears(1).toInstant();

    private final List<Instant> sqlBounds = new ArrayList<>();
    private LabService lab;

    @BeforeAll
    void start(@TempDir Path dir) {
        QueryEngine recording = new QueryEngine() {
            @Override
            public SqlResponse query(String sql, SqlFormat format, Instant visibleFrom, Principal caller) {
                sqlBounds.add(visibleFrom);
                return new SqlResponse("application/json", new byte[0], 0, false);
            }

            @Override
            public void close() {
            }
        };
        lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, LabFixtures.SEED), new TestClock(LabFixtures.START),
                lakehouse -> recording);
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    /** Rows of version 1 of market.ohlcv with ts at or after {@code floor}, counted over the unfiltered snapshot. */
    private long rowsFrom(Instant floor) {
        ColumnVector ts = lab.engine().lakehouse().readVersion(MarketTables.OHLCV, 1).read().column("ts");
        long floorMicros = floor.getEpochSecond() * 1_000_000L + floor.getNano() / 1000;
        long n = 0;
        for (int i = 0; i < ts.size(); i++) {
            if (ts.getLong(i) >= floorMicros) {
                n++;
            }
        }
        return n;
    }

    private static void assertAllFrom(TableRead read, Instant floor) {
        for (Map<String, Object> row : read.rows()) {
            Instant ts = Instant.parse((String) row.get("ts"));
            assertFalse(ts.isBefore(floor), "row " + row + " is older than " + floor);
        }
    }

    @Test
    void theTestHistoryReachesBeyondEveryBoundedDepth() {
        long all = rowsFrom(Instant.EPOCH);
        assertTrue(rowsFrom(HOBBYIST_FLOOR) < all, "some bars are older than a year");
        assertTrue(rowsFrom(FREE_FLOOR) < rowsFrom(HOBBYIST_FLOOR), "some bars are between 30 days and a year old");
    }

    @Test
    void aVersionedReadReturnsAndCountsOnlyTheRowsTheTierReaches() {
        TableRead free = lab.readVersion(FREE, MarketTables.OHLCV, 1, TableHistory.MAX_ROWS);
        TableRead hobbyist = lab.readVersion(HOBBYIST, MarketTables.OHLCV, 1, TableHistory.MAX_ROWS);
        TableRead enterprise = lab.readVersion(ENTERPRISE, MarketTables.OHLCV, 1, 1);
        assertEquals(rowsFrom(FREE_FLOOR), free.rowCount());
        assertEquals(rowsFrom(HOBBYIST_FLOOR), hobbyist.rowCount());
        assertEquals(rowsFrom(Instant.EPOCH), enterprise.rowCount(), "Enterprise history is unbounded");
        assertAllFrom(free, FREE_FLOOR);
        assertAllFrom(hobbyist, HOBBYIST_FLOOR);
        assertEquals(free.rows().size() < free.rowCount(), free.truncated());
    }

    @Test
    void anAsOfReadIsBoundedTheSameWay() {
        long firstWrite = LabFixtures.START.toEpochMilli() + 60_000L;
        TableRead free = lab.readAtTimestamp(FREE, MarketTables.OHLCV, firstWrite, TableHistory.MAX_ROWS);
        assertEquals(1, free.version());
        assertEquals(rowsFrom(FREE_FLOOR), free.rowCount());
        assertAllFrom(free, FREE_FLOOR);
        assertEquals(rowsFrom(Instant.EPOCH), lab.readAtTimestamp(ENTERPRISE, MarketTables.OHLCV, firstWrite, 1).rowCount());
    }

    @Test
    void anExportWritesOnlyTheRowsTheTierReaches() {
        try (ParquetExport hobbyist = lab.exportParquet(HOBBYIST, MarketTables.OHLCV, 1L);
             ParquetExport enterprise = lab.exportParquet(ENTERPRISE, MarketTables.OHLCV, 1L)) {
            assertEquals(rowsFrom(HOBBYIST_FLOOR), hobbyist.rows());
            assertEquals(rowsFrom(Instant.EPOCH), enterprise.rows());
        }
    }

    @Test
    void theSqlEngineIsHandedTheTiersFirstVisibleInstant() {
        sqlBounds.clear();
        lab.sql(FREE, "SELECT count(*) FROM market.ohlcv", null);
        lab.sql(HOBBYIST, "SELECT count(*) FROM market.ohlcv", null);
        lab.sql(ENTERPRISE, "SELECT count(*) FROM market.ohlcv", null);
        assertEquals(List.of(FREE_FLOOR, HOBBYIST_FLOOR), sqlBounds.subList(0, 2));
        assertNull(sqlBounds.get(2), "Enterprise history is unbounded");
        assertThrows(NullPointerException.class, () -> lab.sql(null, "SELECT 1", null));
    }

    @Test
    void boundsAreRoundedUpToTheLakehousesMicrosecond() {
        assertEquals(Instant.parse("2026-01-01T00:00:00.000001Z"), TableHistory.ceilToMicros(Instant.parse("2026-01-01T00:00:00.000000001Z")));
        assertEquals(Instant.parse("2026-01-01T00:00:00.000001Z"), TableHistory.ceilToMicros(Instant.parse("2026-01-01T00:00:00.000001Z")));
        assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), TableHistory.ceilToMicros(Instant.parse("1969-12-31T23:59:59.9999985Z")));
    }
}
