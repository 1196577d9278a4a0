package io.hfthot.adapters.http.hub.runner;

import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.Request;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.engine.hub.agents.AgentListener;
import io.hfthot.engine.hub.agents.AgentRecord;
import io.hfthot.engine.hub.agents.AgentSnapshot;
import io.hfthot.engine.hub.agents.LogEntry;
import io.hfthot.engine.hub.agents.PaperAgent;
import io.hfthot.engine.hub.agents.TradeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent in its own process (seed 004's agent container): it serves {@code GET /health}, {@code POST /start},
 * {@code POST /stop}, {@code GET /status}, {@code GET /logs} and {@code POST /plan} on 127.0.0.1, runs the paper
 * loop every {@code interval_seconds} on the hub's quotes, and pushes its reports to the hub's {@code /internal/*}
 * endpoints. It prints {@code AGENT_PORT <port>} once listening, and exits when its standard input closes (its
 * parent, the hub, is gone), so no agent outlives its hub.
 *
 * <p>Usage: {@code AgentProcess <hub-url> <port> <agent-json>} with the internal secret in
 * {@code HUB_INTERNAL_SECRET}.
 */
public final class AgentProcess {
    /** The environment variable carrying the internal secret (never the command line, which others can read). */
    public static final String SECRET_ENV = "HUB_INTERNAL_SECRET";
    private static final Logger LOG = LoggerFactory.getLogger(AgentProcess.class);
    private static final int LOGS_KEPT = 200;

    private final PaperAgent agent;
    private final AgentRecord record;
    private final HubLink hub;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final Deque<LogEntry> logs = new ArrayDeque<>();
    private final AgentListener listener;
    private ScheduledFuture<?> ticking;

    private AgentProcess(AgentRecord record, PaperAgent.Resume resume, HubLink hub) {
        this.record = record;
        this.agent = new PaperAgent(record, resume, Clock.systemUTC());
        this.hub = hub;
        this.listener = new AgentListener() {
            @Override
            public void onStatus(AgentSnapshot s) {
                hub.onStatus(s);
            }

            @Override
            public void onTrade(TradeEvent t) {
                hub.onTrade(t);
            }

            @Override
            public void onLogs(String agentId, List<LogEntry> batch) {
                synchronized (logs) {
                    batch.forEach(logs::addLast);
                    while (logs.size() > LOGS_KEPT) {
                        logs.removeFirst();
                    }
                }
                hub.onLogs(agentId, batch);
            }

            @Override
            public void onFailure(String agentId, String reason) {
            }
        };
    }

    /**
     * Starts the agent process.
     *
     * @param args {@code <hub-url> <port> <agent-json>}
     * @throws Exception when the agent cannot start (the process then exits non-zero)
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: agent <hub-url> <port> <agent-json>  (secret in " + SECRET_ENV + ")");
            System.exit(2);
        }
        String secret = System.getenv(SECRET_ENV);
        if (secret == null || secret.isBlank()) {
            System.err.println(SECRET_ENV + " is not set");
            System.exit(2);
        }
        var json = AgentWire.JSON.readTree(args[2]);
        AgentProcess p = new AgentProcess(AgentWire.agent(json), AgentWire.resume(json), new HubLink(args[0], secret));
        TransportServer server = TransportServer.start(TransportConfig.of("127.0.0.1", Integer.parseInt(args[1])),
                p.surface());
        System.out.println("AGENT_PORT " + server.port());
        System.out.flush();
        // The parent holds our stdin: end of input means the hub is gone (even killed), so stop too.
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // Discard: the channel only signals the parent's life.
                }
            } catch (IOException e) {
                LOG.debug("stdin closed: {}", e.toString());
            }
            Runtime.getRuntime().halt(0);
        }, "agent-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private HttpSurface surface() {
        return HttpSurface.builder("agent", ErrorShape.DETAIL)
                .get("/health", r -> Response.ok(Map.of("status", "ok", "agent_id", record.agentId())))
                .post("/start", r -> Response.ok(Map.of("running", start())))
                .post("/stop", r -> Response.ok(Map.of("running", stop())))
                .get("/status", r -> Response.ok(status()))
                .get("/logs", r -> Response.ok(Map.of("entries", recentLogs())))
                .post("/plan", this::plan)
                .build();
    }

    private synchronized boolean start() {
        if (ticking == null) {
            long period = record.spec().intervalSeconds() * 1000L;
            ticking = loop.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    private void tick() {
        try {
            agent.tick(hub.quote(record.spec().marketSymbol()), hub.view(), listener);
        } catch (IOException e) {
            // The hub may be restarting: skip this tick rather than die.
            LOG.warn("no quote this tick: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean stop() throws Exception {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
            loop.submit(() -> {
                try {
                    agent.stop(hub.quote(record.spec().marketSymbol()), listener);
                } catch (IOException | InterruptedException e) {
                    agent.stop(null, listener);
                }
                return null;
            }).get(10, TimeUnit.SECONDS);
        }
        return false;
    }

    private Map<String, Object> status() {
        AgentSnapshot s = agent.lastSnapshot();
        return s == null ? Map.of("agent_id", record.agentId(), "state", "starting") : s.toMessage();
    }

    private List<Map<String, Object>> recentLogs() {
        synchronized (logs) {
            return logs.stream().map(LogEntry::toFields).toList();
        }
    }

    private Response plan(Request r) {
        Object strategy = r.body(Map.class).get("strategy_name");
        if (!(strategy instanceof String s)) {
            throw new IllegalArgumentException("field 'strategy_name' must be a string");
        }
        agent.useStrategy(s);
        return Response.ok(Map.of("strategy_name", s, "applied", true));
    }
}
