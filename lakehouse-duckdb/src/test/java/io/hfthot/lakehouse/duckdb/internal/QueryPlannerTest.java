package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.InvalidQueryException;
import io.hfthot.lakehouse.duckdb.ResolvedTable;
import io.hfthot.lakehouse.duckdb.TableRef;
import io.hfthot.lakehouse.duckdb.TimeTravel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rewriting itself, with DuckDB's parser on a plain connection and a resolver that records its calls. */
class QueryPlannerTest {

    private static Connection duck;
    private final List<TableRef> resolved = new ArrayList<>();
    private final QueryPlanner planner = new QueryPlanner(ref -> {
        resolved.add(ref);
        return new ResolvedTable(ref.timeTravel() instanceof TimeTravel.AtVersion v ? v.version() : 9,
                List.of(new ResolvedTable.Column("close", "double")), List.of(),
                List.of(new ResolvedTable.DataFile(Path.of("/lake/" + ref.table() + ".parquet"), Map.of())));
    }, Path.of("/lake"));

    @BeforeAll
    static void open() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    private static String serialize(String sql) {
        try (PreparedStatement statement = duck.prepareStatement("SELECT json_serialize_sql(?)")) {
            statement.setString(1, sql);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String SCAN = "(SELECT \"close\" FROM read_parquet(['/lake/%s.parquet'], hive_partitioning = false))";

    private static Map<Path, Set<String>> allHaveClose(List<Path> files) {
        Map<Path, Set<String>> columns = new HashMap<>();
        files.forEach(f -> columns.put(f, Set.of("close")));
        return columns;
    }

    @Test
    void onlyTheTableReferenceSpanIsReplaced() {
        PlannedQuery plan = planner.plan("SELECT 'market.ohlcv' AS s /* market.ohlcv */ FROM market.ohlcv VERSION AS OF 3 "
                + "WHERE close > 1 -- market.ohlcv\n;", null, QueryPlannerTest::serialize, QueryPlannerTest::allHaveClose);
        assertEquals("SELECT 'market.ohlcv' AS s /* market.ohlcv */ FROM " + SCAN.formatted("ohlcv") + " AS \"ohlcv\" "
                + "WHERE close > 1", plan.sql(), "text after the last token (comment, semicolon) is dropped");
        assertEquals(List.of(new TableRef("market", "ohlcv", new TimeTravel.AtVersion(3))), resolved);
        assertEquals(3, plan.snapshots().get(0).version());
    }

    @Test
    void userAliasesAreKeptAndNoneIsAdded() {
        PlannedQuery plan = planner.plan("SELECT o.close FROM market.ohlcv o, \"auth\".\"users\" AS u", null, QueryPlannerTest::serialize, QueryPlannerTest::allHaveClose);
        assertEquals("SELECT o.close FROM " + SCAN.formatted("ohlcv") + " o, " + SCAN.formatted("users") + " AS u", plan.sql());
    }

    @Test
    void referencesInsideCtesSubqueriesAndJoinsAreAllFound() {
        PlannedQuery plan = planner.plan("WITH a AS (SELECT * FROM s.t1) SELECT * FROM a JOIN s.t2 USING (close) "
                + "WHERE close IN (SELECT close FROM s.t3 TIMESTAMP AS OF '2026-01-01')", null, QueryPlannerTest::serialize, QueryPlannerTest::allHaveClose);
        assertEquals(List.of("t1", "t2", "t3"), resolved.stream().map(TableRef::table).sorted().toList());
        assertTrue(!plan.sql().contains("s.t") && !plan.sql().contains("TIMESTAMP AS OF"), plan.sql());
    }

    @Test
    void aRepeatedTextSkipsTheParserButIsResolvedAgain() {
        int[] parses = {0};
        UnaryOperator<String> counting = sql -> {
            parses[0]++;
            return serialize(sql);
        };
        String sql = "SELECT count(*) FROM market.ohlcv VERSION AS OF 2";
        PlannedQuery first = planner.plan(sql, null, counting, QueryPlannerTest::allHaveClose);
        PlannedQuery second = planner.plan(sql, null, counting, QueryPlannerTest::allHaveClose);
        assertEquals(1, parses[0]);
        assertEquals(2, resolved.size());
        assertEquals(first, second);
        planner.plan(sql + " -- another text", null, counting, QueryPlannerTest::allHaveClose);
        assertEquals(2, parses[0]);
    }

    @Test
    void aClauseAfterSomethingThatIsNotATableIsRefused() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> planner.plan("SELECT x.y VERSION AS OF 3 FROM s.t x", null, QueryPlannerTest::serialize, QueryPlannerTest::allHaveClose));
        assertTrue(e.getMessage().contains("not a table reference") || e.getMessage().contains("syntax"), e.getMessage());
    }
}
