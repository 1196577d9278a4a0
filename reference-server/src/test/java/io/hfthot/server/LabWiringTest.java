package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.hfthot.adapters.grpc.proto.RegimeRequest;
import io.hfthot.adapters.grpc.proto.RegimeResponse;
import io.hfthot.adapters.grpc.proto.SignalServiceGrpc;
import io.hfthot.engine.lab.api.GeneratedKey;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference server's wiring of seed 000: the printed demo keys work on REST (including the DuckDB SQL
 * engine over the lakehouse) and on gRPC, against one engine, and the keys survive a restart.
 */
class LabWiringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(ReferenceServer server, String pathAndQuery, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri(ReferenceServer.Surface.HFTHOT) + pathAndQuery))
                .header("X-HFThot-API-Key", key).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String keyOf(List<GeneratedKey> keys, String tierPrefix) {
        return keys.stream().map(GeneratedKey::apiKey).filter(k -> k.startsWith(tierPrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no demo key with prefix " + tierPrefix + " in " + keys));
    }

    @Test
    void demoKeysReachRestSqlAndGrpcAndSurviveARestart(@TempDir Path data) throws Exception {
        Set<String> issued;
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.ephemeral(data))) {
            List<GeneratedKey> keys = server.lab().demoKeys();
            issued = keys.stream().map(GeneratedKey::apiKey).collect(Collectors.toSet());
            assertEquals(Set.of("hft_free_", "hft_hob_", "hft_pro_", "hft_ent_"),
                    keys.stream().map(k -> k.apiKey().substring(0, k.apiKey().indexOf('_', 4) + 1)).collect(Collectors.toSet()));
            String pro = keyOf(keys, "hft_pro_");

            HttpResponse<String> regime = get(server, "/v1/signals/regime?symbol=BTC-USDT", pro);
            assertEquals(200, regime.statusCode(), regime.body());
            JsonNode body = JSON.readTree(regime.body());
            assertTrue(Set.of("trending", "mean_reverting", "volatile").contains(body.get("regime").asText()), regime.body());
            assertTrue(regime.headers().firstValue("X-RateLimit-Limit").isPresent(), "rate-limit headers are set");

            String sql = URLEncoder.encode("SELECT count(*) AS n FROM market.ohlcv WHERE symbol = 'BTC-USDT'",
                    StandardCharsets.UTF_8);
            HttpResponse<String> query = get(server, "/v1/lakehouse/query?sql=" + sql + "&format=json", pro);
            assertEquals(200, query.statusCode(), query.body());
            assertTrue(JSON.readTree(query.body()).get("rows").get(0).get(0).asLong() > 0, query.body());

            HttpResponse<String> freeSql = get(server, "/v1/lakehouse/query?sql=" + sql, keyOf(keys, "hft_free_"));
            assertEquals(403, freeSql.statusCode(), freeSql.body());
            assertEquals("TIER_REQUIRED", JSON.readTree(freeSql.body()).get("code").asText());

            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            try {
                Metadata metadata = new Metadata();
                metadata.put(Metadata.Key.of("x-hfthot-api-key", Metadata.ASCII_STRING_MARSHALLER), pro);
                RegimeResponse grpcRegime = SignalServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                        .withDeadlineAfter(30, TimeUnit.SECONDS)
                        .getRegime(RegimeRequest.newBuilder().setSymbol("BTC-USDT").setLookback(200).build());
                assertEquals(body.get("regime").asText(), grpcRegime.getRegime(),
                        "REST and gRPC answer from the same cached model");
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
        try (ReferenceServer again = ReferenceServer.start(ServerConfig.ephemeral(data))) {
            assertEquals(issued, again.lab().demoKeys().stream().map(GeneratedKey::apiKey).collect(Collectors.toSet()),
                    "a restart prints the same demo keys");
            HttpResponse<String> usage = get(again, "/v1/account/usage", issued.iterator().next());
            assertEquals(200, usage.statusCode(), usage.body());
            assertFalse(JSON.readTree(usage.body()).get("tier").asText().isEmpty());
        }
    }
}
