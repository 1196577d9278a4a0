package io.hfthot.benchmarks.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.adapters.http.hub.HubHttpSurface;
import io.hfthot.engine.Engine;
import io.hfthot.engine.hub.HubOptions;
import io.hfthot.engine.hub.HubService;
import io.hfthot.engine.hub.agents.TickJitter;
import io.hfthot.engine.hub.auth.Argon2idPasswords;
import io.hfthot.engine.lab.LabConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * N in-process paper agents at {@code interval_seconds: 1} on one hub on 127.0.0.1, created over REST by one user
 * whose WebSocket ({@code /ws?token=}) receives their {@code agent_status} messages. Measured after a warm-up:
 * <ul>
 *   <li><b>tick-start jitter</b>: how late each agent's tick started against its fixed-rate schedule (the
 *       runtime's {@link TickJitter}), p50/p99/max;</li>
 *   <li><b>agent_status delivered</b>: messages received over the WebSocket against the ticks run in the window,
 *       and the age of each message at receipt (from its {@code at} to {@code onText}, same machine clock).</li>
 * </ul>
 * Issue 17's goal: 1,000 agents, jitter p99 &lt;= 50 ms, their agent_status delivered over WS.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.hfthot.benchmarks.hub.HubAgentLoad [agents=1000] [seconds=30]
 * [warmupSeconds=10]}. The data directory is a fresh temporary one, deleted at the end.
 */
public final class HubAgentLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HubAgentLoad() {
    }

    /** Counts agent_status messages and their age at receipt in 1 ms buckets (up to 10 s). */
    private static final class StatusCounter implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final AtomicLong received = new AtomicLong();
        private final AtomicLongArray ageMs = new AtomicLongArray(10_001);
        private volatile boolean measuring;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (measuring && text.contains("\"type\":\"agent_status\"")) {
                    try {
                        JsonNode m = JSON.readTree(text);
                        long age = Duration.between(Instant.parse(m.get("at").asText()), Instant.now()).toMillis();
                        ageMs.incrementAndGet((int) Math.max(0, Math.min(10_000, age)));
                        received.incrementAndGet();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("not JSON: " + text, e);
                    }
                }
            }
            ws.request(1);
            return null;
        }

        long percentileMs(double p) {
            long total = received.get();
            long rank = (long) Math.ceil(p / 100 * total);
            long seen = 0;
            for (int i = 0; i < ageMs.length(); i++) {
                seen += ageMs.get(i);
                if (seen >= rank && total > 0) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * Runs the load.
     *
     * @param args {@code [agents] [seconds] [warmupSeconds]}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("hfthot-hub-load");
        LabConfig config = LabConfig.forTests(dir, 42L).withBackground(true);
        try (Engine engine = Engine.builder(config).inMemoryIdentity().build()) {
            HubService hub = HubService.start(engine, HubOptions.defaults().withAdmin("load@example.com",
                    "load-test-password").withPasswords(new Argon2idPasswords(1024, 1, 1)));
            try (TransportServer server = TransportServer.start(TransportConfig.of("127.0.0.1", 0),
                    HubHttpSurface.surface(hub, CorsPolicy.disabled()))) {
                HttpClient client = HttpClient.newHttpClient();
                String base = server.baseUri();
                String token = JSON.readTree(post(client, base + "/auth/login", null,
                        "{\"email\":\"load@example.com\",\"password\":\"load-test-password\"}")).get("access_token")
                        .asText();
                StatusCounter counter = new StatusCounter();
                client.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/ws?token=" + token),
                        counter).get(10, TimeUnit.SECONDS);
                String[] strategies = {"momentum_breakout", "mean_reversion", "regime_switching"};
                String[] symbols = {"BTC/USDT", "ETH/USDT", "SOL/USDT"};
                long createStart = System.nanoTime();
                for (int i = 0; i < agents; i++) {
                    post(client, base + "/api/agents", token, "{\"symbol\":\"" + symbols[i % 3] + "\",\"strategy_name\":\""
                            + strategies[(i / 3) % 3] + "\",\"interval_seconds\":1}");
                }
                double createMs = (System.nanoTime() - createStart) / 1e6;
                Thread.sleep(warmup * 1000L);
                TickJitter jitter = hub.runtime().jitter();
                jitter.reset();
                counter.measuring = true;
                Thread.sleep(seconds * 1000L);
                counter.measuring = false;
                long ticks = jitter.count();
                long delivered = counter.received.get();
                System.out.printf(Locale.ROOT, "agents %d, created over REST in %.0f ms, measured %d s after %d s"
                        + " warm-up, %d cores%n", agents, createMs, seconds, warmup,
                        Runtime.getRuntime().availableProcessors());
                System.out.printf(Locale.ROOT, "tick-start jitter: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms over %d"
                        + " ticks (expected about %d)%n", jitter.percentileMillis(50), jitter.percentileMillis(99),
                        jitter.percentileMillis(99.9), ticks, (long) agents * seconds);
                System.out.printf(Locale.ROOT, "agent_status over WS: %d received (%.1f%% of ticks), age at receipt"
                        + " p50 %d ms, p99 %d ms%n", delivered, 100.0 * delivered / Math.max(1, ticks),
                        counter.percentileMs(50), counter.percentileMs(99));
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String post(HttpClient client, String uri, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
