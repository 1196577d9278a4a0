package io.hfthot.benchmarks.marketmaker;

import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.adapters.http.marketmaker.DashboardKey;
import io.hfthot.adapters.http.marketmaker.MarketMakerHttpSurface;
import io.hfthot.engine.Engine;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.marketmaker.MarketMakerConfig;
import io.hfthot.engine.marketmaker.MarketMakerService;
import io.hfthot.engine.marketmaker.TradeData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * TradeData fan-out over seed 003's {@code /api/v1/ws/stream}: N JDK WebSocket dashboards on 127.0.0.1 connect to
 * a market-maker surface (Jetty transport) over a running {@link MarketMakerService}; this program drives the bot's
 * ticks itself at a fixed rate ({@code tickOnce}, the same call the service's scheduler makes) and measures, for
 * every message every dashboard receives, the time from just before the tick started to the dashboard's
 * {@code onText} (same JVM, same {@code System.nanoTime}): an upper bound of delivery that includes the tick's own
 * work, the encoding, the socket and the client (one JDK {@code HttpClient} per ten dashboards). Issue 16's goal: p99 at most 5 ms with 100 dashboards. Messages
 * are matched by their {@code timestamp} (microseconds, unique per tick); the first two seconds are not measured.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.hfthot.benchmarks.marketmaker.MarketMakerStreamLoad
 * [dashboards=100] [ticksPerSecond=20] [seconds=20]}.
 */
public final class MarketMakerStreamLoad {
    private MarketMakerStreamLoad() {
    }

    /** One dashboard: the receive time of each message, by timestamp. */
    private static final class Dashboard implements WebSocket.Listener {
        final Map<String, Long> received = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                int at = text.indexOf("\"timestamp\":\"");
                if (at >= 0) {
                    int start = at + 13;
                    received.putIfAbsent(text.substring(start, text.indexOf('"', start)), now);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    /**
     * Runs the load.
     *
     * @param args dashboards, ticks per second, seconds
     * @throws Exception on a setup failure
     */
    public static void main(String[] args) throws Exception {
        int dashboards = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dir = Files.createTempDirectory("hfthot-mm-load");
        try (Engine engine = Engine.builder(LabConfig.forTests(dir, 16)).clock(Clock.systemUTC()).inMemoryIdentity()
                .build()) {
            MarketMakerService service = MarketMakerService.start(engine, MarketMakerConfig.defaults(16).manual());
            try (TransportServer server = TransportServer.start(TransportConfig.of("127.0.0.1", 0),
                    MarketMakerHttpSurface.surface(service, DashboardKey.of(Optional.empty()), CorsPolicy.disabled()))) {
                // Dashboards are separate browsers: one JDK client (one selector thread) per ten of them, not one for all.
                List<HttpClient> clients = new ArrayList<>();
                for (int k = 0; k < (dashboards + 9) / 10; k++) {
                    clients.add(HttpClient.newHttpClient());
                }
                List<Dashboard> ds = new ArrayList<>();
                List<WebSocket> sockets = new ArrayList<>();
                for (int k = 0; k < dashboards; k++) {
                    Dashboard d = new Dashboard();
                    sockets.add(clients.get(k / 10).newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port()
                            + MarketMakerHttpSurface.STREAM_PATH), d).get(10, TimeUnit.SECONDS));
                    ds.add(d);
                }
                Map<String, Long> started = new ConcurrentHashMap<>();
                long period = 1_000_000_000L / rate;
                long begin = System.nanoTime();
                long warmUpEnd = begin + 2_000_000_000L;
                long end = begin + seconds * 1_000_000_000L;
                int published = 0;
                for (long next = begin; next < end; next += period) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    long t0 = System.nanoTime();
                    TradeData t = service.tickOnce();
                    if (t0 >= warmUpEnd) {
                        started.put(t.timestamp(), t0);
                        published++;
                    }
                }
                Thread.sleep(1000);
                long[] latencies = new long[started.size() * dashboards];
                int n = 0;
                long missing = 0;
                for (Dashboard d : ds) {
                    for (Map.Entry<String, Long> e : started.entrySet()) {
                        Long at = d.received.get(e.getKey());
                        if (at != null) {
                            latencies[n++] = at - e.getValue();
                        } else {
                            missing++;
                        }
                    }
                }
                long[] sorted = Arrays.copyOf(latencies, n);
                Arrays.sort(sorted);
                System.out.printf(java.util.Locale.ROOT,
                        "dashboards=%d ticks=%d (%d/s, %d s measured) deliveries=%d not-published-or-missing=%d%n",
                        dashboards, published, rate, seconds - 2, n, missing);
                if (n > 0) {
                    System.out.printf(java.util.Locale.ROOT, "tick-start-to-receive: p50=%.3f ms p99=%.3f ms p99.9=%.3f ms max=%.3f ms%n",
                            pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999), sorted[n - 1] / 1e6);
                }
                for (WebSocket s : sockets) {
                    s.sendClose(WebSocket.NORMAL_CLOSURE, "done");
                }
            }
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
