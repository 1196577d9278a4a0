package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.InvalidQueryException;
import io.hfthot.lakehouse.duckdb.QueryRejectedException;
import io.hfthot.lakehouse.duckdb.TimeTravel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementGateTest {

    private static List<SqlToken> gate(String sql) {
        return StatementGate.check(SqlTokenizer.tokenize(sql));
    }

    private static List<TimeTravelClause> clauses(String sql) {
        return StatementGate.timeTravelClauses(gate(sql));
    }

    @Test
    void acceptsReadOnlyStartsAndOneTrailingSemicolon() {
        assertEquals(2, gate("SELECT 1;").size());
        gate("WITH t AS (SELECT 1) SELECT * FROM t");
        gate("FROM market.ohlcv");
        gate("(SELECT 1) UNION (SELECT 2)");
        gate("VALUES (1), (2)");
    }

    @Test
    void refusesOtherStatementsNamingTheFirstWord() {
        QueryRejectedException e = assertThrows(QueryRejectedException.class, () -> gate("  update t set a = 1"));
        assertTrue(e.getMessage().contains("'update'"), e.getMessage());
        assertThrows(QueryRejectedException.class, () -> gate("SELECT 1;;"));
        assertThrows(InvalidQueryException.class, () -> gate("-- nothing"));
    }

    @Test
    void findsVersionAndTimestampClausesAfterQualifiedNames() {
        List<TimeTravelClause> found = clauses("SELECT * FROM market.ohlcv VERSION AS OF 5 a JOIN \"auth\".users timestamp as of "
                + "'2026-01-15 14:00:00' b ON true");
        assertEquals(2, found.size());
        assertEquals(new TimeTravel.AtVersion(5), found.get(0).timeTravel());
        assertEquals(3, found.get(0).nameStartToken());
        assertEquals(new TimeTravel.AtTimestamp(Instant.parse("2026-01-15T14:00:00Z")), found.get(1).timeTravel());
    }

    @Test
    void leavesAliasesNamedOfAlone() {
        assertEquals(List.of(), clauses("SELECT CAST(x AS TIMESTAMP) AS of FROM market.ohlcv"));
    }

    @Test
    void refusesMisplacedOrMalformedClauses() {
        assertThrows(InvalidQueryException.class, () -> clauses("SELECT * FROM ohlcv VERSION AS OF 5"));
        assertThrows(InvalidQueryException.class, () -> clauses("SELECT * FROM a.b.c VERSION AS OF 5"));
        assertThrows(InvalidQueryException.class, () -> clauses("SELECT * FROM market.ohlcv VERSION AS OF 1.5"));
        assertThrows(InvalidQueryException.class, () -> clauses("SELECT * FROM market.ohlcv VERSION AS OF '5'"));
        assertThrows(InvalidQueryException.class, () -> clauses("SELECT * FROM market.ohlcv VERSION AS OF 99999999999999999999"));
        assertThrows(InvalidQueryException.class, () -> clauses("SELECT * FROM market.ohlcv TIMESTAMP AS OF 5"));
    }
}
