package io.hfthot.lakehouse.duckdb;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the {@link SqlRunnerContract} on {@link DuckDbSqlRunner}, plus DuckDB-specific behaviour. */
class DuckDbSqlRunnerTest extends SqlRunnerContract {

    @Override
    protected SqlRunner createEngine(Path root, TableResolver resolver) {
        return DuckDbSqlRunner.start(DuckDbSettings.forRoot(root).withPoolSize(2).withThreads(2).withMemoryLimit("512MB"), resolver);
    }

    @Test
    void anErrorRaisedWhileTheQueryRunsIsAUserErrorThatSaysWhatToCheck() {
        // The driver hides the reason of execution-time errors of streamed results (DuckDbErrors explains).
        for (String sql : List.of("SELECT CAST(symbol AS INTEGER) FROM market.ohlcv",
                "SELECT sum(CAST(symbol AS INTEGER)) FROM market.ohlcv")) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> json(sql), sql);
            assertTrue(e.getMessage().startsWith("the query failed while it ran"), e.getMessage());
            assertTrue(e.getMessage().contains("cannot be cast") && e.getMessage().contains("memory"), e.getMessage());
        }
        assertEquals(100, json("SELECT count(*) FROM market.ohlcv VERSION AS OF 1").get("rows").get(0).get(0).asLong());
    }

    @Test
    void aTableReferencedTwiceIsResolvedOnce() {
        int before = lakehouse.resolutions();
        json("SELECT count(*) FROM market.ohlcv a JOIN market.ohlcv b ON a.ts = b.ts AND a.symbol = b.symbol");
        assertEquals(before + 1, lakehouse.resolutions());
    }

    @Test
    void concurrentQueriesShareThePool() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int version = 1 + i % 3;
                counts.add(threads.submit(() -> json("SELECT count(*) FROM market.ohlcv VERSION AS OF " + version)
                        .get("rows").get(0).get(0).asLong()));
            }
            long[] expected = {100, 150, 160};
            for (int i = 0; i < counts.size(); i++) {
                assertEquals(expected[i % 3], counts.get(i).get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theRowLimitStopsTheWorkInsteadOfMaterializingEverything() {
        // Ten billion rows would not fit in the 512 MB limit: only streaming makes this finish.
        QueryResult result = engine.query("SELECT range AS i FROM range(10000000000)", QueryOptions.defaults().withMaxRows(5));
        assertEquals(5, result.rowCount());
        assertTrue(result.truncated());
        QueryResult arrow = engine.query("SELECT range AS i FROM range(10000000000)",
                QueryOptions.defaults().withMaxRows(5).withFormat(ResultFormat.ARROW));
        assertEquals(5, arrow.rowCount());
        assertTrue(arrow.truncated());
    }

    @Test
    void aCallerInterruptedWhileItsQueryRunsCancelsTheStatementAtOnce() throws Exception {
        // Minutes of streamed work with a 60 s limit: only the caller's interrupt can stop it within the test.
        // One pooled connection: the next query gets it only once the first statement really stopped.
        SqlRunner single = DuckDbSqlRunner.start(DuckDbSettings.forRoot(lakehouse.root()).withPoolSize(1)
                .withThreads(2).withMemoryLimit("512MB"), lakehouse);
        QueryOptions slow = QueryOptions.defaults().withTimeout(java.time.Duration.ofSeconds(60));
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                single.query("SELECT sum(hash(range)) FROM range(1000000000000)", slow);
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        caller.start();
        Thread.sleep(500);
        long t0 = System.nanoTime();
        caller.interrupt();
        assertTrue(outcome.get(10, java.util.concurrent.TimeUnit.SECONDS) instanceof QueryExecutionException);
        caller.join(10_000);
        // The connection is free again within seconds, which it is not while the statement runs on.
        QueryResult next = single.query("SELECT count(*) FROM market.ohlcv VERSION AS OF 1",
                QueryOptions.defaults().withTimeout(java.time.Duration.ofSeconds(8)));
        assertEquals(1, next.rowCount());
        single.close();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 10_000, "the pool was free again " + ms + " ms after the interrupt");
    }

    @Test
    void aClosedEngineRefusesQueries() {
        SqlRunner other = createEngine(lakehouse.root(), lakehouse);
        other.close();
        other.close();
        assertThrows(IllegalStateException.class, () -> other.query("SELECT 1", QueryOptions.defaults()));
    }

    @Test
    void aCteIsVisibleInItsOwnQueryAndTheSubqueriesNestedInIt() {
        assertEquals(2, json("WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT y FROM b").get("rows").get(0).get(0).asInt());
        assertEquals(160, json("WITH t AS (SELECT count(*) AS n FROM market.ohlcv) SELECT (SELECT n FROM t)").get("rows").get(0).get(0).asInt());
        assertEquals(2, json("WITH o AS (SELECT 2 AS v) SELECT * FROM (WITH i AS (SELECT v FROM o) SELECT v FROM i)")
                .get("rows").get(0).get(0).asInt());
        assertEquals(1, json("SELECT count(*) FROM (SELECT 1) x WHERE EXISTS (WITH c AS (SELECT 1) SELECT 1 FROM c)")
                .get("rows").get(0).get(0).asInt());
    }

    @Test
    void allowedAggregatesNamedByAStringStillWork() {
        assertEquals(3, json("SELECT list_aggregate([1, 2, 3], 'max')").get("rows").get(0).get(0).asInt());
        assertEquals(1, json("SELECT [1, 2, 3].list_aggr('min')").get("rows").get(0).get(0).asInt());
    }

    @Test
    void deeplyNestedExpressionsRunOrGetAClearRefusal() {
        assertEquals(501, json("SELECT " + "1+".repeat(500) + "1").get("rows").get(0).get(0).asInt());
        assertEquals(900, json("SELECT " + "1+".repeat(899) + "1").get("rows").get(0).get(0).asInt());
        assertEquals(1, json("SELECT " + "(".repeat(500) + "1" + ")".repeat(500)).get("rows").get(0).get(0).asInt());
        for (String sql : List.of("SELECT " + "1+".repeat(1000) + "1", "SELECT " + "(".repeat(1000) + "1" + ")".repeat(1000),
                "SELECT " + "(".repeat(100_000) + "1" + ")".repeat(100_000), "SELECT " + "(SELECT ".repeat(300) + "1" + ")".repeat(300))) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> json(sql), sql.substring(0, 20));
            assertTrue(e.getMessage().contains("1000 levels deep"), e.getMessage());
        }
    }

    @Test
    void pivotWorksInFrom() {
        String in = " IN ('BTC-USDT', 'ETH-USDT', 'SOL-USDT')";
        assertEquals("[[100,50,10]]", json("SELECT * FROM (SELECT symbol FROM market.ohlcv) PIVOT (count(*) FOR symbol" + in + ")")
                .get("rows").toString());
        assertEquals("[[100,50,10]]", json("PIVOT (SELECT symbol FROM market.ohlcv) ON symbol" + in + " USING count(*)")
                .get("rows").toString());
        assertEquals("[[100,50,10]]", json("WITH s AS (SELECT symbol FROM market.ohlcv) SELECT * FROM (PIVOT s ON symbol" + in
                + " USING count(*))").get("rows").toString());
    }
}
