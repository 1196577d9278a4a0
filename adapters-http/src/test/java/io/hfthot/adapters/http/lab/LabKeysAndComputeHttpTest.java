package io.hfthot.adapters.http.lab;

import static io.hfthot.adapters.http.lab.LabServerFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.engine.identity.Tier;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproductions of the hardening issue over HTTP: minting keys does not multiply quotas or stream slots,
 * keys are capped and revocable, and compute-heavy parameters are bounded.
 */
class LabKeysAndComputeHttpTest {
    @TempDir
    static Path dir;
    static LabServerFixture lab;

    @BeforeAll
    static void start() throws Exception {
        lab = new LabServerFixture(dir, LabHttpOptions.defaults());
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String mentions) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(code, body.path("code").asText(), r.body());
        assertTrue(body.path("message").asText().contains(mentions), "message should name '" + mentions + "': " + r.body());
    }

    @Test
    void sixtyKeyCreationsFromOneFreeKeyGiveTheCapAndNoExtraQuota() throws Exception {
        String free = lab.key(Tier.FREE_BETA);
        List<String> keys = new ArrayList<>(List.of(free));
        int created = 0;
        HttpResponse<String> lastRefusal = null;
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> r = lab.post("/v1/keys", free, "");
            if (r.statusCode() == 201) {
                created++;
                keys.add(json(r).path("api_key").asText());
            } else {
                lastRefusal = r;
            }
        }
        assertEquals(2, created, "a Free account holds 3 live keys: the creator and two more");
        assertError(lastRefusal, 429, "RATE_LIMITED", "Live key limit reached");
        // The 60 creation calls spent the account's REST window already: the minted keys have nothing left.
        int allowed = 0;
        for (String key : keys) {
            for (int i = 0; i < 60; i++) {
                if (lab.get("/v1/market/ticker?symbol=BTC-USDT", key).statusCode() == 200) {
                    allowed++;
                }
            }
        }
        assertEquals(0, allowed, "60 requests a minute per account, shared by its 3 keys");
    }

    @Test
    void revokedKeysAreRefusedAtOnceOnlyByTheirAccountAndLoseTheirStreams() throws Exception {
        String pro = lab.key(Tier.PROFESSIONAL);
        HttpResponse<String> minted = lab.post("/v1/keys", pro, "{\"tier\":\"pro\"}");
        assertEquals(201, minted.statusCode(), minted.body());
        String second = json(minted).path("api_key").asText();
        String secondId = json(minted).path("key_id").asText();
        String stranger = lab.key(Tier.ENTERPRISE);

        String ws = lab.base.replace("http", "ws") + "/v1/stream?api_key=";
        try (StreamClient stream = StreamClient.connect(lab.client, ws + second)) {
            assertError(lab.delete("/v1/keys/" + secondId, stranger), 404, "NOT_FOUND", secondId);
            assertEquals(200, lab.get("/v1/market/ticker?symbol=BTC-USDT", second).statusCode(),
                    "another account's DELETE changed nothing");
            assertError(lab.delete("/v1/keys/not-an-id", pro), 400, "INVALID_PARAMS", "key_id");

            HttpResponse<String> revoked = lab.delete("/v1/keys/" + secondId, pro);
            assertEquals(200, revoked.statusCode(), revoked.body());
            assertEquals(secondId, json(revoked).path("key_id").asText());
            assertEquals("professional", json(revoked).path("tier").asText());
            assertTrue(json(revoked).path("revoked_at").isTextual());
            assertError(lab.get("/v1/market/ticker?symbol=BTC-USDT", second), 401, "UNAUTHORIZED", "");
            assertEquals(1008, stream.closed.get(20, TimeUnit.SECONDS), "the revoked key's stream is closed");
        }
        assertEquals(200, lab.get("/v1/market/ticker?symbol=BTC-USDT", pro).statusCode());
    }

    @Test
    void streamSlotsArePerAccountNotPerMintedKey() throws Exception {
        String hob = lab.key(Tier.HOBBYIST);
        String other = json(lab.post("/v1/keys", hob, "")).path("api_key").asText();
        String ws = lab.base.replace("http", "ws") + "/v1/stream?api_key=";
        List<StreamClient> open = new ArrayList<>();
        try {
            open.add(StreamClient.connect(lab.client, ws + hob));
            open.add(StreamClient.connect(lab.client, ws + other));
            open.add(StreamClient.connect(lab.client, ws + other));
            java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> StreamClient.connect(lab.client, ws + hob));
            java.net.http.WebSocketHandshakeException handshake = org.junit.jupiter.api.Assertions.assertInstanceOf(
                    java.net.http.WebSocketHandshakeException.class, refused.getCause());
            assertEquals(429, handshake.getResponse().statusCode(), "a Hobbyist account holds 3 streams over its keys");
        } finally {
            for (StreamClient c : open) {
                c.close();
            }
        }
    }

    @Test
    void theReportedMfgRequestIsA400NamingFieldValueAndRange() throws Exception {
        String pro = lab.key(Tier.PROFESSIONAL);
        assertError(lab.get("/v1/signals/mfg?symbol=BTC-USDT&n_agents=100000&horizon_min=1440", pro), 400,
                "INVALID_PARAMS", "horizon_min must be in [1, 60], got 1440");
        assertError(lab.get("/v1/signals/mfg?symbol=BTC-USDT&n_agents=100000", pro), 400,
                "INVALID_PARAMS", "n_agents must be in [2, 5000], got 100000");
        HttpResponse<String> ok = lab.get("/v1/signals/mfg?symbol=BTC-USDT&n_agents=50&horizon_min=5", pro);
        assertEquals(200, ok.statusCode(), ok.body());
    }
}
