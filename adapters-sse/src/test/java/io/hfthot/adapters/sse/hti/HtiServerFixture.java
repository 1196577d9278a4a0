package io.hfthot.adapters.sse.hti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.engine.hti.HtiConfig;
import io.hfthot.engine.hti.HtiService;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine on a clock the test moves, an HTI service without background passes (the test runs them) and the
 * HTI surface on 127.0.0.1, port 0.
 */
final class HtiServerFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final MovableClock clock = new MovableClock(Instant.parse("2026-01-12T14:00:30Z"));
    final LabService lab;
    final HtiService hti;
    final TransportServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HtiServerFixture(Path dir, HtiConfig config) throws IOException {
        lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null);
        hti = HtiService.start(lab.engine(), config.withBackground(false));
        server = TransportServer.start(TransportConfig.of("127.0.0.1", 0), HtiHttpSurface.surface(hti));
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Moves time on by {@code minutes}, lets the engine see the new bars, runs a pass. */
    List<TradeIdea> step(int minutes) {
        clock.advance(Duration.ofMinutes(minutes));
        lab.engine().runMaintenance();
        return hti.runOnce();
    }

    /** Steps until a pass makes at least one revision (at most 60 steps). */
    List<TradeIdea> stepUntilIdeas(int minutes) {
        List<TradeIdea> made = new ArrayList<>();
        for (int i = 0; i < 60 && made.isEmpty(); i++) {
            made.addAll(step(minutes));
        }
        if (made.isEmpty()) {
            throw new AssertionError("no idea revision in 60 passes");
        }
        return made;
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Override
    public void close() {
        server.close();
        lab.close();
    }

    /** A clock that moves only when told to. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
