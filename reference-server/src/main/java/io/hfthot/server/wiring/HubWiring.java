package io.hfthot.server.wiring;

import io.hfthot.adapters.http.hub.OpenAiPlanner;
import io.hfthot.adapters.http.hub.runner.ProcessAgentRuntime;
import io.hfthot.engine.Engine;
import io.hfthot.engine.hub.HubOptions;
import io.hfthot.engine.hub.HubService;
import io.hfthot.engine.hub.candles.MarketHistoryCandles;
import io.hfthot.engine.hub.plan.RuleBasedPlanner;
import io.hfthot.server.ServerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Starts the agents hub (seed 004) on the lab's engine as the server's configuration says. */
public final class HubWiring {
    private HubWiring() {
    }

    /**
     * Returns the URI a local process reaches a listener at (a wildcard bind is reached on loopback).
     *
     * @param bindHost the interface the server binds
     * @param port     the listener's port
     * @return {@code http://host:port}
     */
    public static String localUri(String bindHost, int port) {
        String host = bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1" : bindHost;
        return (host.contains(":") ? "http://[" + host + "]:" : "http://" + host + ":") + port;
    }

    /**
     * Starts the hub on the lab's engine, its agents in-process or, with {@code --hub-agents process}, one child
     * process each ({@code java -cp <this class path> <main> agent ...}).
     *
     * @param config the server configuration
     * @param engine the lab's engine (the hub attaches itself to it)
     * @param hubUri the hub's own address for agent processes, set once its listener is bound
     * @param main   the server's main class, which runs the {@code agent} command
     * @return the running hub
     */
    public static HubService start(ServerConfig config, Engine engine, AtomicReference<String> hubUri, Class<?> main) {
        HubOptions options = hubOptions(config);
        if (!config.hub().processAgents()) {
            return HubService.start(engine, options);
        }
        String secret = HubService.internalSecret(options);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessAgentRuntime runtime = new ProcessAgentRuntime(List.of(java, "-cp", System.getProperty("java.class.path"),
                main.getName(), "agent"), hubUri::get, secret);
        return HubService.start(engine, options, runtime, new MarketHistoryCandles(engine.marketHistory(),
                engine.clock()), secret);
    }

    private static HubOptions hubOptions(ServerConfig config) {
        HubOptions options = HubOptions.defaults().withPlanner(new OpenAiPlanner(URI.create(config.hub().plannerUrl()),
                config.hub().plannerModel(), new RuleBasedPlanner(), Duration.ofSeconds(30)));
        return config.hub().adminEmail() == null ? options
                : options.withAdmin(config.hub().adminEmail(), config.hub().adminPassword());
    }
}
