package io.hfthot.adapters.http.hub.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.engine.hub.agents.AgentListener;
import io.hfthot.engine.hub.agents.AgentRecord;
import io.hfthot.engine.hub.agents.AgentRuntime;
import io.hfthot.engine.hub.agents.AgentSnapshot;
import io.hfthot.engine.hub.agents.PaperAgent;
import io.hfthot.engine.hub.agents.TickJitter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AgentRuntime} that runs each agent in its own child JVM ({@link AgentProcess}): {@link #start} spawns
 * the child with the agent and its resume state, waits for its {@code AGENT_PORT} line and calls its
 * {@code POST /start}; the child pushes its reports to the hub's {@code /internal/*} endpoints, which feed the
 * agent's listener. {@link #stop} calls {@code POST /stop} (the child closes its position) and ends the process.
 *
 * <p>A child that dies on its own (crash, kill) is reported once through {@link AgentListener#onFailure} with its
 * exit code; the hub carries on. {@link #close} (the hub's shutdown) ends every child: they are also tied to the
 * hub by their standard input, so even a hub killed without a shutdown leaves no orphan agent behind. Tick jitter
 * is measured inside the children, so {@link #jitter()} stays empty here.
 */
public final class ProcessAgentRuntime implements AgentRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessAgentRuntime.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> command;
    private final Supplier<String> hubUri;
    private final String internalSecret;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Child> children = new ConcurrentHashMap<>();
    private final TickJitter jitter = new TickJitter();
    private volatile boolean closed;
    /**
     * Marks the runtime closed as soon as this JVM starts shutting down: Ctrl+C (or a signal to the process group)
     * reaches the children too, and their exits must not be recorded as failures, or the agents would not resume
     * at the next start.
     */
    private final Thread shutdownFlag = new Thread(() -> closed = true, "agent-runtime-shutdown-flag");

    /** One running child. */
    private record Child(Process process, String base) {
    }

    /**
     * Creates the runtime.
     *
     * @param command        the command that runs {@link AgentProcess#main} without its arguments, e.g.
     *                       {@code [java, -jar, hfthot-server.jar, agent]} or {@code [java, -cp, <cp>,
     *                       io.hfthot.adapters.http.hub.runner.AgentProcess]}
     * @param hubUri         the hub's base URI, read when an agent starts (the hub may bind after the runtime exists)
     * @param internalSecret the hub's {@code X-Internal-Secret}, handed to children in their environment
     */
    public ProcessAgentRuntime(List<String> command, Supplier<String> hubUri, String internalSecret) {
        this.command = List.copyOf(command);
        this.hubUri = Objects.requireNonNull(hubUri, "hubUri");
        this.internalSecret = Objects.requireNonNull(internalSecret, "internalSecret");
        Runtime.getRuntime().addShutdownHook(shutdownFlag);
    }

    /**
     * Returns the command that starts {@link AgentProcess} with this JVM's executable and class path (tests, and a
     * server run from its shaded jar with {@code -jar}, whose class path is the jar).
     *
     * @return the command
     */
    public static List<String> currentJvmCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), AgentProcess.class.getName());
    }

    @Override
    public void start(AgentRecord agent, PaperAgent.Resume resume, AgentListener listener) {
        if (closed) {
            throw new IllegalStateException("the agent runtime is closed");
        }
        if (children.containsKey(agent.agentId())) {
            throw new IllegalStateException("agent " + agent.agentId() + " already runs");
        }
        List<String> cmd = new ArrayList<>(command);
        cmd.add(hubUri.get());
        cmd.add("0");
        cmd.add(AgentWire.encode(agent, resume));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put(AgentProcess.SECRET_ENV, internalSecret);
        try {
            Process p = pb.start();
            String base = "http://127.0.0.1:" + awaitPort(p);
            Child child = new Child(p, base);
            children.put(agent.agentId(), child);
            p.onExit().thenAccept(done -> {
                if (children.remove(agent.agentId(), child) && !closed) {
                    LOG.warn("agent {} process exited with code {}", agent.agentId(), done.exitValue());
                    listener.onFailure(agent.agentId(), "agent process exited with code " + done.exitValue());
                }
            });
            call(child, "POST", "/start", null);
        } catch (IOException e) {
            throw new IllegalStateException("agent " + agent.agentId() + " process did not start: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting agent " + agent.agentId(), e);
        }
    }

    private static int awaitPort(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("AGENT_PORT ")) {
                // Keep draining its stdout so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // the child ended
                    }
                }, "agent-stdout");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring("AGENT_PORT ".length()).trim());
            }
            if (Instant.now().isAfter(deadline)) {
                break;
            }
        }
        p.destroyForcibly();
        throw new IOException("no AGENT_PORT line from the agent process (exit " + (p.isAlive() ? "-" : p.exitValue())
                + ")");
    }

    private String call(Child child, String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(child.base + path)).timeout(Duration.ofSeconds(15));
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    @Override
    public boolean stop(String agentId) {
        Child child = children.remove(agentId);
        if (child == null) {
            return false;
        }
        try {
            call(child, "POST", "/stop", null);
        } catch (IOException e) {
            LOG.warn("agent {} did not stop cleanly: {}", agentId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        end(child);
        return true;
    }

    @Override
    public Optional<AgentSnapshot> status(String agentId) {
        Child child = children.get(agentId);
        if (child == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = AgentWire.JSON.readTree(call(child, "GET", "/status", null));
            if (!n.has("tick")) {
                return Optional.empty();
            }
            return Optional.of(new AgentSnapshot(agentId, n.get("state").asText(), n.get("strategy").asText(),
                    n.get("position").asDouble(), n.get("entry_price").asDouble(), n.get("last_price").asDouble(),
                    n.get("unrealized_pnl").asDouble(), n.get("realized_pnl").asDouble(), n.get("trades").asLong(),
                    n.get("tick").asLong(), Instant.parse(n.get("at").asText())));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public boolean applyPlan(String agentId, String strategyName) {
        Child child = children.get(agentId);
        if (child == null) {
            return false;
        }
        try {
            call(child, "POST", "/plan", AgentWire.JSON.createObjectNode().put("strategy_name", strategyName).toString());
            return true;
        } catch (IOException e) {
            LOG.warn("agent {} refused the plan: {}", agentId, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Returns the process id of a running agent's child.
     *
     * @param agentId the agent
     * @return the pid, or empty when it does not run
     */
    public OptionalLong pid(String agentId) {
        Child c = children.get(agentId);
        return c == null ? OptionalLong.empty() : OptionalLong.of(c.process.pid());
    }

    @Override
    public TickJitter jitter() {
        return jitter;
    }

    @Override
    public void close() {
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownFlag);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook has run or is running, which is what it is for.
        }
        for (Child c : children.values()) {
            end(c);
        }
        children.clear();
    }

    /** Ends a child: SIGTERM, then SIGKILL after 5 s. */
    private static void end(Child c) {
        c.process.destroy();
        try {
            if (!c.process.waitFor(5, TimeUnit.SECONDS)) {
                c.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.process.destroyForcibly();
        }
    }
}
