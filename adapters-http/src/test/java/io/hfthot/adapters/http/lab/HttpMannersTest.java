package io.hfthot.adapters.http.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.adapters.http.ConditionalGet;
import io.hfthot.engine.identity.Tier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD on GET routes, Retry-After on 429, and ETag / Cache-Control / 304 on closed bars and table versions. */
class HttpMannersTest {
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

    private HttpResponse<String> send(String method, String pathAndQuery, String key, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(lab.base + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("X-HFThot-API-Key", key);
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return lab.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void headAnswersEveryGetRouteWithItsHeadersAndNoBody() throws Exception {
        String key = lab.key(Tier.PROFESSIONAL);
        HttpResponse<String> get = send("GET", "/v1/market/symbols", key, null);
        HttpResponse<String> head = send("HEAD", "/v1/market/symbols", key, null);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(get.body().getBytes(StandardCharsets.UTF_8).length,
                Integer.parseInt(head.headers().firstValue("Content-Length").orElseThrow()));
        assertEquals("application/json", head.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(head.headers().firstValue("X-RateLimit-Remaining").isPresent(), "HEAD is filtered like GET");
        assertEquals(401, send("HEAD", "/v1/market/symbols", "hft_pro_unknown", null).statusCode());
        HttpResponse<String> post = send("POST", "/v1/market/symbols", key, null);
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD, OPTIONS", post.headers().firstValue("Allow").orElseThrow());
        assertEquals(405, send("HEAD", "/v1/portfolio/optimize", key, null).statusCode(), "no HEAD without a GET");
    }

    @Test
    void everyRateLimitRefusalSaysWhenToRetry() throws Exception {
        String free = lab.key(Tier.FREE_BETA);
        HttpResponse<String> refused = null;
        for (int i = 0; i < 70 && refused == null; i++) {
            HttpResponse<String> r = send("GET", "/v1/market/symbols", free, null);
            if (r.statusCode() == 429) {
                refused = r;
            }
        }
        assertTrue(refused != null, "the free tier's 60 requests a minute run out");
        long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        long reset = Long.parseLong(refused.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        long now = System.currentTimeMillis() / 1000;
        assertTrue(retry >= 1 && retry <= 61, "Retry-After " + retry);
        assertTrue(Math.abs(now + retry - Math.max(reset, now + 1)) <= 2, "Retry-After agrees with X-RateLimit-Reset "
                + reset + " at " + now + ": " + retry);
    }

    @Test
    void settledBarsCarryATagAndRevalidateTo304() throws Exception {
        String key = lab.key(Tier.ENTERPRISE);
        long end = System.currentTimeMillis() - 3_600_000L;
        String path = "/v1/market/ohlcv?symbol=BTC-USDT&interval=5m&limit=50&end_time=" + end;
        HttpResponse<String> first = send("GET", path, key, null);
        assertEquals(200, first.statusCode(), first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("W/\"BTC-USDT-5m-"), etag);
        assertEquals("private, max-age=3600", first.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> again = send("GET", path, key, etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> other = send("GET", path.replace("limit=50", "limit=49"), key, etag);
        assertEquals(200, other.statusCode(), "other bars, other tag");
        assertNotEquals(etag, other.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> live = send("GET", "/v1/market/ohlcv?symbol=BTC-USDT&interval=5m&limit=5", key, null);
        assertEquals(ConditionalGet.REVALIDATE, live.headers().firstValue("Cache-Control").orElseThrow(),
                "bars up to now still grow");
    }

    @Test
    void aTableVersionIsImmutable() throws Exception {
        String key = lab.key(Tier.ENTERPRISE);
        String table = URLEncoder.encode(lab.engine.tables().get(0), StandardCharsets.UTF_8);
        String path = "/v1/lakehouse/read?table=" + table + "&version=0&limit=3";
        HttpResponse<String> first = send("GET", path, key, null);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(ConditionalGet.IMMUTABLE, first.headers().firstValue("Cache-Control").orElseThrow());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, send("GET", path, key, "\"other\", " + etag).statusCode());
        assertEquals(200, send("GET", path, key, "\"other\"").statusCode());
        HttpResponse<String> byTime = send("GET", "/v1/lakehouse/read?table=" + table + "&timestamp="
                + System.currentTimeMillis(), key, null);
        assertEquals(200, byTime.statusCode(), byTime.body());
        assertTrue(byTime.headers().firstValue("ETag").isEmpty(), "'as of now' is not immutable");
    }
}
