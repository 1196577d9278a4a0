package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.engine.lab.api.GeneratedKey;
import io.hfthot.engine.market.lakehouse.MarketTables;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tier's historical depth end to end on the reference server (DuckDB SQL wired in, real clock, the small
 * 400-day history): through {@code /v1/lakehouse/query}, {@code /v1/lakehouse/export} and
 * {@code /v1/lakehouse/read}, a Hobbyist key (1 year) never sees a bar older than a year, which an Enterprise
 * key sees. The server reads its own clock, so each bound is bracketed: the Hobbyist floor of a request lies
 * between "one year before the request was sent" and "one year before its answer arrived".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoricalDepthEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private ReferenceServer server;
    private String hobbyist;
    private String enterprise;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        server = ReferenceServer.start(ServerConfig.ephemeral(data));
        for (GeneratedKey key : server.lab().demoKeys()) {
            if (key.apiKey().startsWith("hft_hob_")) {
                hobbyist = key.apiKey();
            } else if (key.apiKey().startsWith("hft_ent_")) {
                enterprise = key.apiKey();
            }
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private <T> HttpResponse<T> get(String pathAndQuery, String key, HttpResponse.BodyHandler<T> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri(ReferenceServer.Surface.HFTHOT) + pathAndQuery))
                .header("X-HFThot-API-Key", key).build();
        HttpResponse<T> response = client.send(request, body);
        assertEquals(200, response.statusCode(), () -> pathAndQuery + " -> " + response.body());
        return response;
    }

    private long sqlCount(String sql, String key) throws Exception {
        HttpResponse<String> r = get("/v1/lakehouse/query?format=json&sql=" + URLEncoder.encode(sql, StandardCharsets.UTF_8), key,
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("rows").get(0).get(0).asLong();
    }

    private static Instant yearBefore(Instant t) {
        return t.atOffset(ZoneOffset.UTC).minusYears(1).toInstant();
    }

    /** Rows of a version of market.ohlcv with ts at or after {@code floor}, counted over the whole snapshot. */
    private long rowsFrom(long version, Instant floor) {
        return MarketRows.countFrom(server.lab(), MarketTables.OHLCV, version, floor);
    }

    private void assertBracketed(long visible, long version, Instant sent, Instant answered, String what) {
        long atMost = rowsFrom(version, yearBefore(sent));
        long atLeast = rowsFrom(version, yearBefore(answered));
        assertTrue(visible <= atMost && visible >= atLeast, what + ": " + visible + " rows, expected between " + atLeast
                + " and " + atMost);
    }

    @Test
    void sqlHidesBarsOlderThanTheTiersDepthWhateverTheQuery() throws Exception {
        String older = " ts < TIMESTAMPTZ '" + yearBefore(Instant.now()) + "'";
        String[] attempts = {
            "SELECT count(*) FROM market.ohlcv WHERE" + older,
            "SELECT count(*) FROM market.ohlcv VERSION AS OF 1 WHERE" + older,
            "SELECT count(*) FROM (SELECT * FROM market.ohlcv VERSION AS OF 1) t WHERE" + older,
            "WITH old AS (SELECT * FROM market.ohlcv WHERE" + older + ") SELECT count(*) FROM old",
        };
        for (String sql : attempts) {
            assertEquals(0, sqlCount(sql, hobbyist), sql);
            assertTrue(sqlCount(sql, enterprise) > 0, "Enterprise reads the bars older than a year: " + sql);
        }
        Instant sent = Instant.now();
        long visible = sqlCount("SELECT count(*) FROM market.ohlcv VERSION AS OF 1", hobbyist);
        assertBracketed(visible, 1, sent, Instant.now(), "SQL");
        assertEquals(rowsFrom(1, Instant.EPOCH), sqlCount("SELECT count(*) FROM market.ohlcv VERSION AS OF 1", enterprise));
    }

    @Test
    void anExportHoldsOnlyTheBarsTheTierReaches() throws Exception {
        Instant sent = Instant.now();
        HttpResponse<byte[]> hob = get("/v1/lakehouse/export?table=market.ohlcv&version=1", hobbyist, HttpResponse.BodyHandlers.ofByteArray());
        Instant answered = Instant.now();
        HttpResponse<byte[]> ent = get("/v1/lakehouse/export?table=market.ohlcv&version=1", enterprise, HttpResponse.BodyHandlers.ofByteArray());
        Path dir = Files.createTempDirectory("depth-export");
        Path hobFile = Files.write(dir.resolve("hob.parquet"), hob.body());
        Path entFile = Files.write(dir.resolve("ent.parquet"), ent.body());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            long[] hobStats = countAndOlder(duck, hobFile, yearBefore(sent));
            long[] entStats = countAndOlder(duck, entFile, yearBefore(sent));
            assertEquals(0, hobStats[1], "no bar older than a year is in the Hobbyist export");
            assertEquals(Long.parseLong(hob.headers().firstValue("X-HFThot-Row-Count").orElseThrow()), hobStats[0]);
            assertBracketed(hobStats[0], 1, sent, answered, "export");
            assertTrue(entStats[1] > 0, "the Enterprise export has the older bars");
            assertEquals(rowsFrom(1, Instant.EPOCH), entStats[0]);
        } finally {
            Files.delete(hobFile);
            Files.delete(entFile);
            Files.delete(dir);
        }
    }

    private static long[] countAndOlder(Connection duck, Path file, Instant floor) throws Exception {
        try (PreparedStatement s = duck.prepareStatement("SELECT count(*), count(*) FILTER (WHERE ts < ?::TIMESTAMPTZ) "
                + "FROM read_parquet(?)")) {
            s.setString(1, floor.toString());
            s.setString(2, file.toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    @Test
    void aVersionedReadCountsAndReturnsOnlyTheBarsTheTierReaches() throws Exception {
        Instant sent = Instant.now();
        HttpResponse<String> hob = get("/v1/lakehouse/read?table=market.ohlcv&version=1&limit=10000", hobbyist,
                HttpResponse.BodyHandlers.ofString());
        Instant answered = Instant.now();
        JsonNode body = JSON.readTree(hob.body());
        assertBracketed(body.get("row_count").asLong(), 1, sent, answered, "read");
        for (JsonNode row : body.get("rows")) {
            assertTrue(!Instant.parse(row.get("ts").asText()).isBefore(yearBefore(sent)), row.toString());
        }
        HttpResponse<String> ent = get("/v1/lakehouse/read?table=market.ohlcv&version=1&limit=1", enterprise,
                HttpResponse.BodyHandlers.ofString());
        assertEquals(rowsFrom(1, Instant.EPOCH), JSON.readTree(ent.body()).get("row_count").asLong());
    }
}
