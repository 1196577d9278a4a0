package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.engine.hti.DemoCodes;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.lab.api.GeneratedKey;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference server's wiring of the HTI surface: its own port, the three printed demo codes authenticate,
 * and the ideas table is visible to seed 000's versions route and SQL.
 */
class HtiWiringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(String uri, String header, String value) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).header(header, value).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void demoCodesAuthenticateOnTheHtiPortAndIdeasAreAuditable(@TempDir Path data) throws Exception {
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.ephemeral(data))) {
            List<DemoCodes.DemoCode> codes = server.htiService().demoCodes();
            assertEquals(3, codes.size());
            String hti = server.baseUri(ReferenceServer.Surface.HTI);
            for (DemoCodes.DemoCode c : codes) {
                HttpResponse<String> auth = get(hti + "/client-api/hti/auth", "X-API-Code", c.code());
                assertEquals(200, auth.statusCode(), auth.body());
                assertEquals(c.account(), JSON.readTree(auth.body()).path("profile").path("account_name").asText());
                assertTrue(server.describe().stream().anyMatch(l -> l.contains(c.code())), server.describe().toString());
            }
            // The background generator's first pass runs at start; wait until it has stored something.
            long deadline = System.nanoTime() + 60_000_000_000L;
            List<TradeIdea> active = server.htiService().activeIdeas();
            while (active.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                active = server.htiService().activeIdeas();
            }
            assertTrue(!active.isEmpty(), "no idea after 60 s");
            String pro = server.lab().demoKeys().stream().map(GeneratedKey::apiKey).filter(k -> k.startsWith("hft_pro_"))
                    .findFirst().orElseThrow();
            String base = server.baseUri(ReferenceServer.Surface.HFTHOT);
            HttpResponse<String> versions = get(base + "/v1/lakehouse/versions?table=hti.ideas", "X-HFThot-API-Key", pro);
            assertEquals(200, versions.statusCode(), versions.body());
            assertTrue(JSON.readTree(versions.body()).path("versions").size() >= 2, versions.body());
            String sql = URLEncoder.encode("SELECT count(*) AS n FROM hti.ideas", StandardCharsets.UTF_8);
            HttpResponse<String> query = get(base + "/v1/lakehouse/query?sql=" + sql + "&format=json", "X-HFThot-API-Key", pro);
            assertEquals(200, query.statusCode(), query.body());
            JsonNode rows = JSON.readTree(query.body()).path("rows");
            assertTrue(rows.get(0).get(0).asLong() > 0, query.body());
            String secret = URLEncoder.encode("SELECT count(*) FROM auth.hti_profiles", StandardCharsets.UTF_8);
            HttpResponse<String> refused = get(base + "/v1/lakehouse/query?sql=" + secret + "&format=json",
                    "X-HFThot-API-Key", pro);
            assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, refused.body());
        }
    }
}
