package io.hfthot.benchmarks.marketmaker;

import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.adapters.http.marketmaker.DashboardKey;
import io.hfthot.adapters.http.marketmaker.MarketMakerHttpSurface;
import io.hfthot.benchmarks.WakeUpProbe;
import io.hfthot.engine.Engine;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.events.ForwardingEventBus;
import io.hfthot.engine.events.InMemoryEventBus;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.marketmaker.MarketMakerConfig;
import io.hfthot.engine.marketmaker.MarketMakerService;
import io.hfthot.engine.marketmaker.TradeData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * TradeData fan-out over seed 003's {@code /api/v1/ws/stream}: N WebSocket dashboards on 127.0.0.1 connect to a
 * market-maker surface (Jetty transport) over a running {@link MarketMakerService}; this program drives the bot's
 * ticks at a fixed rate ({@code tickOnce}, the same call the service's scheduler makes) and measures, for every
 * message every dashboard receives, its delivery latency: from the moment the tick's TradeData is produced (the
 * service hands it to the event bus: {@link ProductionStamps} stamps that call) to the moment the dashboard has the
 * whole message (same JVM, same {@code System.nanoTime}). It also prints the time from just before the tick
 * started, which adds the tick's own work (the venue's market simulation, the decision, the journal) to delivery.
 * Issue 16's goal: p99 delivery at most 5 ms with 100 dashboards. Messages are matched by their {@code timestamp}
 * (microseconds, unique per tick); the first {@code warmUpSeconds} (default 5) are not measured: the JIT is still
 * compiling the tick and send paths then.
 *
 * <p>After the percentiles it prints the five ticks whose last dashboard got them latest (first and last delivery:
 * a late first delivery is a late hand-off to the sending thread or to the reader, a wide gap is a slowed send), and
 * a {@link WakeUpProbe} line measured over the same window: how late a thread that sleeps one tick period wakes on
 * this machine, and how much CPU the host stole. Those bound any delivery; a run whose probe shows many late
 * wake-ups or seconds of steal measured the host.
 *
 * <p>The dashboards share the server's two cores. {@code lean} (the default) reads them with {@link LeanDashboards}
 * (one selector thread, about 7 us of CPU per message); {@code jdk} uses JDK {@code HttpClient} WebSockets, one
 * client per ten dashboards, which spend 40 to 70 us of CPU per message on those same cores.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.hfthot.benchmarks.marketmaker.MarketMakerStreamLoad
 * [dashboards=100] [ticksPerSecond=20] [seconds=20] [lean|jdk]}.
 */
public final class MarketMakerStreamLoad {
    private MarketMakerStreamLoad() {
    }

    /**
     * The engine's event bus, stamping when each TradeData is handed to it: the moment the tick's message exists on
     * the server. Everything else is the in-memory bus itself.
     */
    private static final class ProductionStamps extends ForwardingEventBus {
        final Map<String, Long> producedAt = new ConcurrentHashMap<>();

        ProductionStamps(EventBus bus) {
            super(bus);
        }

        @Override
        public long publish(String topic, Object payload) {
            if (payload instanceof TradeData t) {
                producedAt.putIfAbsent(t.timestamp(), System.nanoTime());
            }
            return super.publish(topic, payload);
        }
    }

    /**
     * What every dashboard received: the receive time of each message, by its timestamp. Recording allocates only
     * the short timestamp key (the dashboards run in the server's JVM, so their garbage is collected in the
     * server's pauses); the receipts are turned into maps once the load is over.
     */
    private static final class Receipts {
        private static final byte[] KEY = "\"timestamp\":\"".getBytes(StandardCharsets.US_ASCII);
        private final Dashboard[] dashboards;

        Receipts(int dashboards, int capacity) {
            this.dashboards = new Dashboard[dashboards];
            for (int d = 0; d < dashboards; d++) {
                this.dashboards[d] = new Dashboard(capacity);
            }
        }

        void record(int dashboard, String text, long now) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            record(dashboard, utf8, 0, utf8.length, now);
        }

        void record(int dashboard, byte[] utf8, int offset, int length, long now) {
            int end = offset + length;
            int at = indexOf(utf8, offset, end);
            if (at >= 0) {
                int start = at + KEY.length;
                int close = start;
                while (close < end && utf8[close] != '"') {
                    close++;
                }
                dashboards[dashboard].add(new String(utf8, start, close - start, StandardCharsets.US_ASCII), now);
            }
        }

        private static int indexOf(byte[] b, int from, int end) {
            outer:
            for (int i = from; i <= end - KEY.length; i++) {
                for (int k = 0; k < KEY.length; k++) {
                    if (b[i + k] != KEY[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /** Each dashboard's first receive time of each timestamp. */
        List<Map<String, Long>> byDashboard() {
            List<Map<String, Long>> all = new ArrayList<>();
            for (Dashboard d : dashboards) {
                all.add(d.firstReceipts());
            }
            return all;
        }
    }

    /** One dashboard's receipts in arrival order; written by its reader thread, read after the load. */
    private static final class Dashboard {
        private String[] keys;
        private long[] at;
        private int n;

        Dashboard(int capacity) {
            keys = new String[capacity];
            at = new long[capacity];
        }

        synchronized void add(String key, long now) {
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, 2 * n);
                at = Arrays.copyOf(at, 2 * n);
            }
            keys[n] = key;
            at[n++] = now;
        }

        synchronized Map<String, Long> firstReceipts() {
            Map<String, Long> first = new HashMap<>();
            for (int i = 0; i < n; i++) {
                first.putIfAbsent(keys[i], at[i]);
            }
            return first;
        }
    }

    /** One JDK dashboard: hands each complete message to the receipts. */
    private static final class JdkDashboard implements WebSocket.Listener {
        private final int index;
        private final Receipts receipts;
        private final StringBuilder partial = new StringBuilder();

        JdkDashboard(int index, Receipts receipts) {
            this.index = index;
            this.receipts = receipts;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                receipts.record(index, partial.toString(), now);
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    /**
     * Runs the load.
     *
     * @param args dashboards, ticks per second, seconds (warm-up included), client ({@code lean} or {@code jdk}),
     *             warm-up seconds
     * @throws Exception on a setup failure
     */
    public static void main(String[] args) throws Exception {
        int dashboards = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String client = args.length > 3 ? args[3] : "lean";
        int warmUpSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        if (warmUpSeconds < 0 || warmUpSeconds >= seconds) {
            throw new IllegalArgumentException("warm-up must be in [0, " + seconds + ") seconds, got " + warmUpSeconds);
        }
        if (!client.equals("lean") && !client.equals("jdk")) {
            throw new IllegalArgumentException("client must be lean or jdk, got " + client);
        }
        Path dir = Files.createTempDirectory("hfthot-mm-load");
        LabConfig config = LabConfig.forTests(dir, 16);
        ProductionStamps bus = new ProductionStamps(new InMemoryEventBus(Clock.systemUTC(), config.busThreads()));
        try (Engine engine = Engine.builder(config).clock(Clock.systemUTC()).eventBus(bus).inMemoryIdentity().build()) {
            MarketMakerService service = MarketMakerService.start(engine, MarketMakerConfig.defaults(16).manual());
            try (TransportServer server = TransportServer.start(TransportConfig.of("127.0.0.1", 0),
                    MarketMakerHttpSurface.surface(service, DashboardKey.of(Optional.empty()), CorsPolicy.disabled()))) {
                Receipts receipts = new Receipts(dashboards, rate * seconds + 64);
                AutoCloseable clients = client.equals("lean")
                        ? new LeanDashboards(server.port(), MarketMakerHttpSurface.STREAM_PATH, dashboards, receipts::record)
                        : jdkDashboards(server.port(), dashboards, receipts);
                try {
                    run(service, bus, receipts, dashboards, rate, seconds, warmUpSeconds, client);
                } finally {
                    clients.close();
                }
            }
        }
    }

    private static void run(MarketMakerService service, ProductionStamps bus, Receipts receipts, int dashboards,
                            int rate, int seconds, int warmUpSeconds, String client) throws InterruptedException {
        Map<String, Long> started = new ConcurrentHashMap<>();
        long period = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        long warmUpEnd = begin + warmUpSeconds * 1_000_000_000L;
        long end = begin + seconds * 1_000_000_000L;
        int ticks = 0;
        WakeUpProbe probe = null;
        for (long next = begin; next < end; next += period) {
            LockSupport.parkNanos(next - System.nanoTime());
            long t0 = System.nanoTime();
            if (probe == null && t0 >= warmUpEnd) {
                probe = WakeUpProbe.start(period);
            }
            TradeData t = service.tickOnce();
            if (t0 >= warmUpEnd) {
                started.put(t.timestamp(), t0);
                ticks++;
            }
        }
        probe.stop();
        Thread.sleep(1000);
        long[] fromProduced = new long[started.size() * dashboards];
        long[] fromTickStart = new long[fromProduced.length];
        int n = 0;
        long missing = 0;
        int published = 0;
        List<Map<String, Long>> byDashboard = receipts.byDashboard();
        List<TickSpread> spreads = new ArrayList<>();
        for (Map.Entry<String, Long> e : started.entrySet()) {
            Long produced = bus.producedAt.get(e.getKey());
            if (produced == null) {
                continue; // the tick changed nothing a dashboard shows, so it was not published
            }
            published++;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Map<String, Long> received : byDashboard) {
                Long at = received.get(e.getKey());
                if (at == null) {
                    missing++;
                } else {
                    fromProduced[n] = at - produced;
                    fromTickStart[n] = at - e.getValue();
                    first = Math.min(first, at - produced);
                    last = Math.max(last, at - produced);
                    n++;
                }
            }
            if (last >= 0) {
                spreads.add(new TickSpread(produced - begin, first, last));
            }
        }
        System.out.printf(Locale.ROOT, "dashboards=%d (%s clients) ticks=%d (%d/s, %d s measured) published=%d "
                        + "deliveries=%d missing=%d%n", dashboards, client, ticks, rate, seconds - warmUpSeconds, published, n,
                missing);
        if (n > 0) {
            print("produced-to-received (the goal)", Arrays.copyOf(fromProduced, n));
            print("tick-start-to-received", Arrays.copyOf(fromTickStart, n));
            printSlowest(spreads, 5);
        }
        System.out.println(probe.report());
    }

    /** One published tick: when it was produced (from the load's start) and its first and last delivery. */
    private record TickSpread(long producedNanos, long firstNanos, long lastNanos) {
    }

    /**
     * Prints the ticks whose last dashboard got them latest: whether the wait came before the first delivery (the
     * hand-off to the sending thread) or between first and last (the sends themselves), and when in the run.
     */
    private static void printSlowest(List<TickSpread> spreads, int count) {
        spreads.sort((a, b) -> Long.compare(b.lastNanos(), a.lastNanos()));
        System.out.printf(Locale.ROOT, "ticks whose last delivery took over 3 ms: %d, over 5 ms: %d, of %d%n",
                spreads.stream().filter(t -> t.lastNanos() > 3_000_000L).count(),
                spreads.stream().filter(t -> t.lastNanos() > 5_000_000L).count(), spreads.size());
        for (TickSpread t : spreads.subList(0, Math.min(count, spreads.size()))) {
            System.out.printf(Locale.ROOT, "slow tick at %.3f s: first delivery %.3f ms, last %.3f ms%n",
                    t.producedNanos() / 1e9, t.firstNanos() / 1e6, t.lastNanos() / 1e6);
        }
    }

    private static AutoCloseable jdkDashboards(int port, int dashboards, Receipts receipts) throws Exception {
        // Dashboards are separate browsers: one JDK client (one selector thread) per ten of them, not one for all.
        List<HttpClient> clients = new ArrayList<>();
        for (int k = 0; k < (dashboards + 9) / 10; k++) {
            clients.add(HttpClient.newHttpClient());
        }
        List<WebSocket> sockets = new ArrayList<>();
        for (int d = 0; d < dashboards; d++) {
            sockets.add(clients.get(d / 10).newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port
                    + MarketMakerHttpSurface.STREAM_PATH), new JdkDashboard(d, receipts)).get(10, TimeUnit.SECONDS));
        }
        return () -> sockets.forEach(WebSocket::abort);
    }

    private static void print(String what, long[] latencies) {
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%-32s p50=%.3f ms p99=%.3f ms p99.9=%.3f ms max=%.3f ms%n", what,
                pct(latencies, 0.50), pct(latencies, 0.99), pct(latencies, 0.999), latencies[latencies.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
