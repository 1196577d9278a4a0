package io.hfthot.adapters.http.hub.runner;

import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.adapters.http.hub.HubHttpSurface;
import io.hfthot.engine.Engine;
import io.hfthot.engine.hub.HubOptions;
import io.hfthot.engine.hub.HubService;
import io.hfthot.engine.hub.auth.Argon2idPasswords;
import io.hfthot.engine.hub.candles.MarketHistoryCandles;
import io.hfthot.engine.lab.LabConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A hub whose agents run as child processes, on a real transport server on 127.0.0.1:0. Also a main: the
 * orphan test runs it as its own process and sends it SIGTERM.
 */
final class ProcessHub implements AutoCloseable {
    static final String ADMIN = "alice@example.com";
    static final String PASSWORD = "correct-horse-battery";
    static final String INTERNAL = "internal-secret-for-tests-0123";

    final Engine engine;
    final ProcessAgentRuntime runtime;
    final HubService hub;
    final TransportServer server;
    private volatile String base;

    ProcessHub(Path dataDir) throws IOException {
        engine = Engine.builder(LabConfig.forTests(dataDir, 7L)).inMemoryIdentity().build();
        runtime = new ProcessAgentRuntime(ProcessAgentRuntime.currentJvmCommand(), () -> base, INTERNAL);
        hub = HubService.start(engine, HubOptions.defaults().withAdmin(ADMIN, PASSWORD)
                .withPasswords(new Argon2idPasswords(1024, 1, 1)).withInternalSecret(INTERNAL), runtime,
                new MarketHistoryCandles(engine.marketHistory(), engine.clock()), INTERNAL);
        server = TransportServer.start(TransportConfig.of("127.0.0.1", 0), HubHttpSurface.surface(hub,
                CorsPolicy.disabled()));
        base = server.baseUri();
    }

    String base() {
        return base;
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }

    /**
     * Starts a hub with one running agent, prints {@code CHILD_PID <pid>} and waits for a signal; the shutdown hook
     * closes it (and so ends its agent processes).
     *
     * @param args {@code <data-dir>}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        ProcessHub h = new ProcessHub(Path.of(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(h::close, "process-hub-shutdown"));
        var alice = h.hub.accounts().authenticate("Bearer " + h.hub.accounts().login(ADMIN, PASSWORD, "127.0.0.1")
                .accessToken(), null);
        String id = (String) h.hub.agents().create(alice, Map.of("symbol", "BTC/USDT", "strategy_name",
                "mean_reversion", "interval_seconds", 1)).get("id");
        System.out.println("CHILD_PID " + h.runtime.pid(id).orElseThrow());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
