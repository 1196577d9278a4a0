package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import io.hfthot.lakehouse.duckdb.ResolvedTable;
import io.hfthot.lakehouse.duckdb.RowFloor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SQL of a row floor around a scan: where it applies, how the literal is written, and when it refuses. */
class RowFloorSqlTest {

    private static final String SCAN = "(SELECT 1)";

    private static ResolvedTable table(String column, String type) {
        return new ResolvedTable(0, List.of(new ResolvedTable.Column("sym", "string"), new ResolvedTable.Column(column, type)),
                List.of(), List.of());
    }

    @Test
    void noFloorOrNoSuchColumnLeavesTheScanAsItIs() {
        assertSame(SCAN, RowFloorSql.apply(SCAN, table("ts", "timestamp"), null, "market.t"));
        assertSame(SCAN, RowFloorSql.apply(SCAN, table("time", "timestamp"),
                new RowFloor("ts", Instant.parse("2026-01-01T00:00:00Z")), "market.t"));
    }

    @Test
    void aTimestampColumnIsComparedWithAUtcLiteralInsideTheRelation() {
        assertEquals("(SELECT * FROM (SELECT 1) WHERE \"Ts\" >= TIMESTAMPTZ '2026-01-15 14:00:00.123456+00')",
                RowFloorSql.apply(SCAN, table("Ts", "timestamp"), new RowFloor("ts", Instant.parse("2026-01-15T14:00:00.123456Z")),
                        "market.t"), "the column is matched ignoring case and written as the table spells it");
        assertEquals("(SELECT * FROM (SELECT 1) WHERE \"ts\" >= TIMESTAMP '0001-01-01 00:00:00.000000')",
                RowFloorSql.apply(SCAN, table("ts", "timestamp_ntz"), new RowFloor("ts", RowFloor.MIN_EARLIEST), "market.t"));
    }

    @Test
    void aFloorBetweenMicrosecondsIsRoundedUpSoNoEarlierRowShows() {
        RowFloor floor = new RowFloor("ts", Instant.parse("2026-01-01T00:29:59.999999001Z"));
        assertEquals(Instant.parse("2026-01-01T00:30:00Z").toEpochMilli() * 1000L, floor.earliestMicros());
        assertTrue(RowFloorSql.apply(SCAN, table("ts", "timestamp"), floor, "market.t").contains("'2026-01-01 00:30:00.000000+00'"));
        assertEquals(-1L, new RowFloor("ts", Instant.parse("1969-12-31T23:59:59.999999Z")).earliestMicros());
        assertEquals(0L, new RowFloor("ts", Instant.parse("1969-12-31T23:59:59.9999991Z")).earliestMicros());
    }

    @Test
    void aColumnOfAnotherTypeFailsInsteadOfShowingRowsUnfiltered() {
        QueryExecutionException e = assertThrows(QueryExecutionException.class, () -> RowFloorSql.apply(SCAN, table("ts", "long"),
                new RowFloor("ts", Instant.parse("2026-01-01T00:00:00Z")), "market.t"));
        assertTrue(e.getMessage().contains("market.t") && e.getMessage().contains("long"), e.getMessage());
    }

    @Test
    void floorsOutsideTheFourDigitYearsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RowFloor("ts", Instant.MIN));
        assertThrows(IllegalArgumentException.class, () -> new RowFloor("ts", Instant.parse("+10000-01-01T00:00:00Z")));
        assertThrows(IllegalArgumentException.class, () -> new RowFloor("", Instant.EPOCH));
    }
}
