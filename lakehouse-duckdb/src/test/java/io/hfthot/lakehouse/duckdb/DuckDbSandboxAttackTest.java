package io.hfthot.lakehouse.duckdb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack suite: every attempt to leave the sandbox fails with a {@link QueryException} whose message says
 * why, no file is read or written, and the engine's settings stay as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuckDbSandboxAttackTest {

    private TestLakehouse lakehouse;
    private Path outside;
    private SqlRunner engine;

    @BeforeAll
    void start() throws Exception {
        lakehouse = TestLakehouse.create(Files.createTempDirectory("lakehouse-attack"));
        outside = Files.createTempDirectory("outside-lakehouse");
        Files.writeString(outside.resolve("secret.csv"), "secret\nroot:x:0:0\n");
        engine = DuckDbSqlRunner.start(DuckDbSettings.forRoot(lakehouse.root()).withPoolSize(1), lakehouse);
    }

    @AfterAll
    void stop() throws IOException {
        engine.close();
        for (Path dir : List.of(lakehouse.root(), outside)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    Stream<Arguments> attacks() {
        String root = lakehouse.root().toString();
        String btc = lakehouse.btcFile().toString();
        String secret = outside.resolve("secret.csv").toString();
        String written = outside.resolve("x.csv").toString();
        return Stream.of(
                // reading files outside the root
                attack("read_csv /etc/passwd", "SELECT * FROM read_csv('/etc/passwd')", QueryRejectedException.class, "read_csv"),
                attack("read_csv_auto, mixed case", "SELECT * FROM ReAd_CsV_aUtO('" + secret + "')", QueryRejectedException.class, "read_csv_auto"),
                attack("read_csv list of paths", "SELECT * FROM read_csv(['/etc/passwd', '/etc/hosts'])", QueryRejectedException.class, "read_csv"),
                attack("replacement scan on a string", "SELECT * FROM '/etc/passwd'", QueryRejectedException.class, "/etc/passwd"),
                attack("replacement scan on a quoted identifier", "SELECT * FROM \"" + secret + "\"", QueryRejectedException.class, "files"),
                attack("read_text", "SELECT content FROM read_text('/etc/passwd')", QueryRejectedException.class, "read_text"),
                attack("read_blob", "SELECT * FROM read_blob('/etc/shadow')", QueryRejectedException.class, "read_blob"),
                attack("read_json", "SELECT * FROM read_json('/etc/passwd')", QueryRejectedException.class, "read_json"),
                attack("glob outside", "SELECT * FROM glob('/*')", QueryRejectedException.class, "glob"),
                attack("sniff_csv", "SELECT * FROM sniff_csv('/etc/passwd')", QueryRejectedException.class, "sniff_csv"),
                attack("query() runs a SQL string", "SELECT * FROM query('SELECT * FROM read_csv(''/etc/passwd'')')", QueryRejectedException.class, "query"),
                attack("read_csv in a scalar subquery", "SELECT (SELECT count(*) FROM read_csv('/etc/passwd')) AS n", QueryRejectedException.class, "read_csv"),
                attack("read_csv in a CTE", "WITH x AS (SELECT * FROM read_csv('/etc/passwd')) SELECT * FROM x", QueryRejectedException.class, "read_csv"),
                attack("read_csv in a union", "SELECT 1 AS a UNION ALL SELECT count(*) FROM read_csv('/etc/passwd')", QueryRejectedException.class, "read_csv"),
                attack("read_csv in a lateral join", "SELECT * FROM market.ohlcv, LATERAL (SELECT * FROM read_csv('/etc/passwd'))", QueryRejectedException.class, "read_csv"),
                attack("file-named CTE", "WITH \"x.csv\" AS (SELECT 1) SELECT * FROM \"x.csv\"", QueryRejectedException.class, "files"),
                // reading files inside the root other than through a resolved snapshot
                attack("read_parquet inside the root", "SELECT * FROM read_parquet('" + btc + "')", QueryRejectedException.class, "read_parquet"),
                attack("replacement scan inside the root", "SELECT * FROM '" + btc + "'", QueryRejectedException.class, "files"),
                attack("glob inside the root", "SELECT * FROM glob('" + root + "/**')", QueryRejectedException.class, "glob"),
                attack("parquet_metadata", "SELECT * FROM parquet_metadata('" + btc + "')", QueryRejectedException.class, "parquet_metadata"),
                // writing files
                attack("COPY TO outside the root", "COPY (SELECT 1) TO '" + outside.resolve("out.csv") + "'", QueryRejectedException.class, "COPY"),
                attack("COPY TO inside the root", "COPY (SELECT 1) TO '" + root + "/evil.csv'", QueryRejectedException.class, "COPY"),
                attack("COPY a table", "COPY market.ohlcv TO '" + root + "/market/ohlcv/evil.parquet' (FORMAT parquet)", QueryRejectedException.class, "COPY"),
                attack("EXPORT DATABASE", "EXPORT DATABASE '" + outside.resolve("export") + "'", QueryRejectedException.class, "EXPORT"),
                // several statements and comment tricks
                attack("second statement", "SELECT 1; COPY (SELECT 1) TO '" + root + "/evil.csv'", QueryRejectedException.class, "one statement"),
                attack("two selects", "SELECT 1; SELECT 2", QueryRejectedException.class, "one statement"),
                attack("statement after a line comment", "SELECT 1 -- comment\n; DROP TABLE market.ohlcv", QueryRejectedException.class, "one statement"),
                attack("statement after a block comment", "SELECT 1 /* ; */ ; COPY (SELECT 1) TO '" + written + "'", QueryRejectedException.class, "one statement"),
                attack("COPY hidden behind a leading comment", "/* SELECT */ COPY (SELECT 1) TO '" + written + "'", QueryRejectedException.class, "COPY"),
                attack("COPY after a line comment", "-- SELECT\nCOPY (SELECT 1) TO '" + written + "'", QueryRejectedException.class, "COPY"),
                attack("semicolon in a string does not split", "SELECT '; COPY (SELECT 1) TO ''/tmp/x''' AS s; DROP TABLE x", QueryRejectedException.class, "one statement"),
                // DDL and DML
                attack("CREATE TABLE", "CREATE TABLE t AS SELECT 1", QueryRejectedException.class, "CREATE"),
                attack("CREATE MACRO", "CREATE MACRO f(x) AS x + 1", QueryRejectedException.class, "CREATE"),
                attack("CREATE SECRET", "CREATE SECRET s (TYPE s3, KEY_ID 'k', SECRET 's')", QueryRejectedException.class, "CREATE"),
                attack("DROP", "DROP TABLE market.ohlcv", QueryRejectedException.class, "DROP"),
                attack("INSERT", "INSERT INTO market.ohlcv VALUES (1)", QueryRejectedException.class, "INSERT"),
                attack("UPDATE", "UPDATE market.ohlcv SET close = 0", QueryRejectedException.class, "UPDATE"),
                attack("DELETE", "DELETE FROM market.ohlcv", QueryRejectedException.class, "DELETE"),
                // settings, extensions, attachments
                attack("SET external access", "SET enable_external_access = true", QueryRejectedException.class, "SET"),
                attack("SET allowed directories", "SET allowed_directories = ['/']", QueryRejectedException.class, "SET"),
                attack("RESET", "RESET lock_configuration", QueryRejectedException.class, "RESET"),
                attack("PRAGMA", "PRAGMA enable_profiling", QueryRejectedException.class, "PRAGMA"),
                attack("CALL", "CALL pragma_version()", QueryRejectedException.class, "CALL"),
                attack("pragma table function", "SELECT * FROM pragma_database_list()", QueryRejectedException.class, "pragma_database_list"),
                attack("duckdb_settings", "SELECT * FROM duckdb_settings()", QueryRejectedException.class, "duckdb_settings"),
                attack("current_setting", "SELECT current_setting('allowed_directories')", QueryRejectedException.class, "current_setting"),
                attack("ATTACH", "ATTACH '" + outside.resolve("evil.db") + "' AS evil", QueryRejectedException.class, "ATTACH"),
                attack("DETACH", "DETACH memory", QueryRejectedException.class, "DETACH"),
                attack("INSTALL", "INSTALL httpfs", QueryRejectedException.class, "INSTALL"),
                attack("LOAD", "LOAD httpfs", QueryRejectedException.class, "LOAD"),
                attack("FORCE INSTALL", "FORCE INSTALL httpfs FROM 'http://example.com'", QueryRejectedException.class, "FORCE"),
                attack("DESCRIBE", "DESCRIBE market.ohlcv", QueryRejectedException.class, "DESCRIBE"),
                attack("SUMMARIZE in a subquery", "SELECT * FROM (SUMMARIZE SELECT 1)", QueryRejectedException.class, "SHOW_REF"),
                attack("DuckDB's own AT clause", "SELECT * FROM market.ohlcv AT (VERSION => 1)", QueryRejectedException.class, "VERSION AS OF"),
                attack("three-part names", "SELECT * FROM memory.main.t", QueryRejectedException.class, "three name parts"),
                attack("parameters", "SELECT * FROM market.ohlcv WHERE symbol = ?", QueryRejectedException.class, "parameters"),
                // catalog views reached through CTE scopes (a CTE hides a name only inside its own query)
                attack("CTE in an inner scope does not hide pg_settings", "SELECT name, setting FROM pg_settings WHERE EXISTS "
                        + "(WITH pg_settings AS (SELECT 1) SELECT 1 FROM pg_settings)", InvalidQueryException.class, "pg_settings"),
                attack("CTE in a sibling subquery", "SELECT * FROM (WITH duckdb_settings AS (SELECT 1) SELECT 1) a, duckdb_settings",
                        InvalidQueryException.class, "duckdb_settings"),
                attack("non-recursive CTE reading its own name", "WITH pg_settings AS (SELECT * FROM pg_settings) SELECT * FROM pg_settings",
                        InvalidQueryException.class, "pg_settings"),
                attack("CTE declared after its use", "WITH a AS (SELECT * FROM duckdb_settings), duckdb_settings AS (SELECT 1) "
                        + "SELECT * FROM a", InvalidQueryException.class, "duckdb_settings"),
                attack("bare catalog view", "SELECT * FROM duckdb_tables", InvalidQueryException.class, "duckdb_tables"),
                // introspection, state and sleep functions (allow-list)
                attack("current_query", "SELECT current_query() FROM market.ohlcv", QueryRejectedException.class, "current_query"),
                attack("current_database", "SELECT current_database()", QueryRejectedException.class, "current_database"),
                attack("current_schemas", "SELECT current_schemas(true)", QueryRejectedException.class, "current_schemas"),
                attack("current_setting in a window", "SELECT max(current_setting('temp_directory')) OVER () FROM range(1)",
                        QueryRejectedException.class, "current_setting"),
                attack("schema-qualified function", "SELECT pg_catalog.current_setting('temp_directory')", QueryRejectedException.class, "schema"),
                attack("qualified harmless function", "SELECT main.abs(1)", QueryRejectedException.class, "schema"),
                attack("setseed changes the connection", "SELECT setseed(0.5)", QueryRejectedException.class, "setseed"),
                attack("getenv", "SELECT getenv('HOME')", QueryRejectedException.class, "getenv"),
                attack("getvariable", "SELECT getvariable('x')", QueryRejectedException.class, "getvariable"),
                attack("nextval", "SELECT nextval('s')", QueryRejectedException.class, "nextval"),
                attack("version", "SELECT version()", QueryRejectedException.class, "version"),
                attack("pg_sleep holds a connection", "SELECT pg_sleep(60)", QueryRejectedException.class, "pg_sleep"),
                attack("sleep_ms holds a connection", "SELECT sleep_ms(60000)", QueryRejectedException.class, "sleep_ms"),
                attack("has_table_privilege", "SELECT has_table_privilege('x', 'select')", QueryRejectedException.class, "has_table_privilege"),
                attack("json_serialize_plan shows scans", "SELECT json_serialize_plan('SELECT 1')", QueryRejectedException.class, "json_serialize_plan"),
                attack("bare current_user", "SELECT current_user", QueryRejectedException.class, "current_user"),
                attack("bare current_catalog", "SELECT 1 AS x WHERE current_catalog IS NOT NULL", QueryRejectedException.class, "current_catalog"),
                attack("which_secret", "SELECT * FROM which_secret('s3://x', 's3')", QueryRejectedException.class, "which_secret"),
                attack("pragma_version", "SELECT * FROM pragma_version()", QueryRejectedException.class, "pragma_version"),
                attack("duckdb_functions", "SELECT * FROM duckdb_functions()", QueryRejectedException.class, "duckdb_functions"),
                attack("query_table", "SELECT * FROM query_table('market.ohlcv')", QueryRejectedException.class, "query_table"),
                attack("qualified range", "SELECT * FROM main.range(3)", QueryRejectedException.class, "range"),
                attack("an aggregate named by a string", "SELECT list_aggregate([1], 'bitstring_agg', 0, 2000000000)",
                        QueryRejectedException.class, "bitstring_agg"),
                attack("an aggregate named by a method call", "SELECT [1].list_aggr('approx_top_k', 2000000000)",
                        QueryRejectedException.class, "approx_top_k"),
                attack("an aggregate named by an expression", "SELECT list_aggregate([1], 'mi' || 'n')",
                        QueryRejectedException.class, "string literal"),
                // memory the engine's limit cannot see: sizes chosen by the caller
                attack("list_resize to 2e9 elements", "SELECT list_resize([1], 2000000000)", QueryRejectedException.class, "list_resize"),
                attack("repeat a string 2e9 times", "SELECT repeat('x', 2000000000)", QueryRejectedException.class, "repeat"),
                attack("lpad to 2e9 characters", "SELECT lpad('x', 2000000000, 'y')", QueryRejectedException.class, "lpad"),
                attack("scalar range of 2e9 values", "SELECT len(range(2000000000))", QueryRejectedException.class, "range"),
                // catalog tables are not lakehouse tables
                attack("information_schema", "SELECT * FROM information_schema.tables", TableResolutionException.class, "information_schema.tables"),
                attack("duckdb_settings without parentheses", "SELECT * FROM duckdb_settings", InvalidQueryException.class, "schema.table"));
    }

    private static Arguments attack(String name, String sql, Class<? extends QueryException> expected, String because) {
        return Arguments.of(name, sql, expected, because);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyAttackFailsWithAClearError(String name, String sql, Class<? extends QueryException> expected, String because) {
        for (ResultFormat format : ResultFormat.values()) {
            QueryException e = assertThrows(expected, () -> engine.query(sql, QueryOptions.defaults().withFormat(format)), name);
            String message = e.getMessage();
            assertTrue(message.toLowerCase(Locale.ROOT).contains(because.toLowerCase(Locale.ROOT)),
                    name + ": message should name \"" + because + "\" but was: " + message);
            assertFalse(message.contains("root:x:0"), "file content leaked: " + message);
        }
        assertFalse(Files.exists(lakehouse.root().resolve("evil.csv")));
        assertFalse(Files.exists(outside.resolve("out.csv")));
        assertFalse(Files.exists(outside.resolve("evil.db")));
        assertFalse(Files.exists(outside.resolve("x.csv")));
        assertFalse(Files.exists(outside.resolve("export")));
    }

    @Test
    void theDatabaseIsLockedDownEvenBehindTheChecks() {
        DuckDbSqlRunner duck = (DuckDbSqlRunner) engine;
        assertEquals("false", duck.duckDbSetting("enable_external_access"));
        assertEquals("true", duck.duckDbSetting("lock_configuration"));
        assertEquals("false", duck.duckDbSetting("autoinstall_known_extensions"));
        assertEquals("false", duck.duckDbSetting("autoload_known_extensions"));
        assertEquals("false", duck.duckDbSetting("allow_community_extensions"));
        assertEquals("[" + lakehouse.root() + "/]", duck.duckDbSetting("allowed_directories"));
        assertEquals("UTC", duck.duckDbSetting("TimeZone"));
        QueryResult result = engine.query("SELECT count(*) AS n FROM market.ohlcv", QueryOptions.defaults());
        assertTrue(new String(result.body(), java.nio.charset.StandardCharsets.UTF_8).contains("[[160]]"));
    }
}
