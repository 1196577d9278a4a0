package io.hfthot.engine.hub;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.hub.agents.AgentJournal;
import io.hfthot.engine.hub.agents.AgentListener;
import io.hfthot.engine.hub.agents.AgentRecord;
import io.hfthot.engine.hub.agents.AgentRuntime;
import io.hfthot.engine.hub.agents.AgentSnapshot;
import io.hfthot.engine.hub.agents.AgentSpec;
import io.hfthot.engine.hub.agents.AgentStatus;
import io.hfthot.engine.hub.agents.AgentStore;
import io.hfthot.engine.hub.agents.LogEntry;
import io.hfthot.engine.hub.agents.MarketView;
import io.hfthot.engine.hub.agents.TradeEvent;
import io.hfthot.engine.hub.auth.HubPrincipal;
import io.hfthot.engine.hub.plan.Plan;
import io.hfthot.engine.hub.plan.PlanRequest;
import io.hfthot.engine.hub.plan.Planner;
import io.hfthot.engine.hub.secrets.SecretVault;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's agents: create (validated, paper only), list, get, stop, delete, plan, with ownership (another
 * user's agent is reported exactly like a missing one: {@code NOT_FOUND}); each running agent reports through a
 * listener that journals trades and logs and publishes {@code agent_status}, {@code trade} and {@code log}
 * messages on its owner's topic ({@link HubService#userTopic}). Thread-safe.
 */
public final class HubAgents {
    private static final Logger LOG = LoggerFactory.getLogger(HubAgents.class);

    private final AgentStore store;
    private final AgentJournal journal;
    private final AgentRuntime runtime;
    private final EventBus bus;
    private final SecretVault vault;
    private final Planner planner;
    private final Set<String> symbols;
    private final Function<String, MarketView> views;
    private final int maxPerUser;
    private final InstantSource clock;
    private final Object createLock = new Object();
    /** The strategy of each agent's last applied plan: what a failed planning cycle leaves it on. */
    private final Map<String, String> lastPlans = new ConcurrentHashMap<>();

    HubAgents(AgentStore store, AgentJournal journal, AgentRuntime runtime, EventBus bus, SecretVault vault,
              Planner planner, Set<String> symbols, Function<String, MarketView> views, int maxPerUser,
              InstantSource clock) {
        this.store = store;
        this.journal = journal;
        this.runtime = runtime;
        this.bus = bus;
        this.vault = vault;
        this.planner = planner;
        this.symbols = Set.copyOf(symbols);
        this.views = views;
        this.maxPerUser = maxPerUser;
        this.clock = clock;
    }

    /** Starts every agent stored as running (after a restart); one that cannot start is marked failed. */
    void resumeAll() {
        for (AgentRecord a : store.byStatus(AgentStatus.RUNNING)) {
            try {
                runtime.start(a, journal.resume(a.agentId()), listener(a));
            } catch (RuntimeException e) {
                LOG.warn("agent {} could not resume", a.agentId(), e);
                store.save(a.with(AgentStatus.FAILED, "could not resume: " + e.getMessage(), clock.instant()));
            }
        }
    }

    /**
     * Creates and starts an agent ({@code POST /api/agents}).
     *
     * @param caller the owner
     * @param body   the decoded JSON body
     * @return the agent's fields
     */
    public Map<String, Object> create(HubPrincipal caller, Map<String, ?> body) {
        AgentSpec spec = AgentSpec.fromFields(body);
        if (!symbols.contains(spec.marketSymbol())) {
            throw EngineException.invalid("symbol", "symbol '" + spec.symbol() + "' is not traded here; accepted: "
                    + symbols.stream().map(s -> s.replace('-', '/')).sorted().collect(Collectors.toList()));
        }
        AgentRecord agent;
        synchronized (createLock) {
            if (store.byOwner(caller.userId()).size() >= maxPerUser) {
                throw new EngineException(ErrorCode.RATE_LIMITED, null, null, "you have " + maxPerUser
                        + " agents, the most allowed; delete one first", null);
            }
            agent = new AgentRecord(UUID.randomUUID().toString(), caller.userId(), spec, AgentStatus.RUNNING, null,
                    clock.instant(), clock.instant());
            store.save(agent);
        }
        runtime.start(agent, journal.resume(agent.agentId()), listener(agent));
        return view(agent);
    }

    /**
     * Lists the caller's agents ({@code GET /api/agents}).
     *
     * @param caller the owner
     * @return the agents' fields
     */
    public List<Map<String, Object>> list(HubPrincipal caller) {
        return store.byOwner(caller.userId()).stream().map(this::view).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Returns one of the caller's agents ({@code GET /api/agents/{id}}), with its state and recent logs.
     *
     * @param caller  the owner
     * @param agentId the id
     * @return the fields
     */
    public Map<String, Object> get(HubPrincipal caller, String agentId) {
        Map<String, Object> m = view(owned(caller, agentId));
        m.put("recent_logs", journal.recentLogs(agentId, 20).stream().map(LogEntry::toFields).toList());
        return m;
    }

    /**
     * Stops one of the caller's agents ({@code POST /api/agents/{id}/stop}); stopping a stopped agent is a no-op.
     *
     * @param caller  the owner
     * @param agentId the id
     * @return the fields
     */
    public Map<String, Object> stop(HubPrincipal caller, String agentId) {
        AgentRecord a = owned(caller, agentId);
        runtime.stop(agentId);
        if (a.status() == AgentStatus.RUNNING) {
            a = a.with(AgentStatus.STOPPED, "stopped by its owner", clock.instant());
            store.save(a);
        }
        return view(a);
    }

    /**
     * Stops and deletes one of the caller's agents ({@code DELETE /api/agents/{id}}).
     *
     * @param caller  the owner
     * @param agentId the id
     */
    public void delete(HubPrincipal caller, String agentId) {
        AgentRecord a = owned(caller, agentId);
        runtime.stop(agentId);
        lastPlans.remove(agentId);
        store.save(a.with(AgentStatus.DELETED, "deleted by its owner", clock.instant()));
    }

    /**
     * Runs a planning cycle for one of the caller's agents ({@code POST /api/agents/{id}/plan}); when the planner
     * fails, the agent keeps its last plan and the failure is reported as {@code SERVICE_UNAVAILABLE}.
     *
     * @param caller  the owner
     * @param agentId the id
     * @return the plan and whether the running agent took it
     */
    public Map<String, Object> plan(HubPrincipal caller, String agentId) {
        AgentRecord a = owned(caller, agentId);
        AgentSnapshot snap = runtime.status(agentId).orElse(null);
        String current = lastPlans.getOrDefault(agentId, snap != null ? snap.strategy() : a.spec().strategyName());
        PlanRequest request = new PlanRequest(a, snap, views.apply(a.spec().marketSymbol()).regime(), current,
                vault.environmentFor(a.ownerId(), agentId));
        Plan plan;
        try {
            plan = planner.plan(request);
        } catch (Exception e) {
            LOG.warn("planner failed for agent {}: {}", agentId, e.toString());
            throw new EngineException(ErrorCode.SERVICE_UNAVAILABLE, null, null, "the planner failed ("
                    + e.getMessage() + "); agent " + agentId + " keeps its last plan (" + current + ")", e);
        }
        boolean applied = runtime.applyPlan(agentId, plan.strategyName());
        if (applied) {
            lastPlans.put(agentId, plan.strategyName());
        }
        Map<String, Object> m = plan.toFields();
        m.put("agent_id", agentId);
        m.put("applied", applied);
        return m;
    }

    /**
     * Returns one of the caller's agents, or {@code NOT_FOUND} for a missing, deleted or someone else's agent.
     *
     * @param caller  the caller
     * @param agentId the id
     * @return the agent
     */
    public AgentRecord owned(HubPrincipal caller, String agentId) {
        return store.find(agentId).filter(a -> a.ownerId().equals(caller.userId()))
                .orElseThrow(() -> new EngineException(ErrorCode.NOT_FOUND, "id", null, "Agent " + agentId
                        + " not found.", null));
    }

    /**
     * Returns whether an agent exists (not deleted), whoever owns it (for the internal push endpoints).
     *
     * @param agentId the id
     * @return the agent
     */
    public Optional<AgentRecord> find(String agentId) {
        return store.find(agentId);
    }

    /**
     * Returns the listener a runtime reports an agent's events to; an out-of-process runtime's pushes
     * ({@code /internal/*}) are fed into it too.
     *
     * @param agent the agent
     * @return the listener
     */
    public AgentListener listener(AgentRecord agent) {
        String topic = HubService.userTopic(agent.ownerId());
        return new AgentListener() {
            @Override
            public void onStatus(AgentSnapshot snapshot) {
                bus.publish(topic, snapshot.toMessage());
            }

            @Override
            public void onTrade(TradeEvent trade) {
                journal.trade(trade);
                bus.publish(topic, trade.toMessage());
            }

            @Override
            public void onLogs(String agentId, List<LogEntry> batch) {
                journal.logs(batch);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "log");
                m.put("agent_id", agentId);
                m.put("entries", batch.stream().map(LogEntry::toFields).toList());
                bus.publish(topic, m);
            }

            @Override
            public void onFailure(String agentId, String reason) {
                store.find(agentId).ifPresent(a -> store.save(a.with(AgentStatus.FAILED, reason, clock.instant())));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "agent_status");
                m.put("agent_id", agentId);
                m.put("state", "failed");
                m.put("reason", reason);
                bus.publish(topic, m);
            }
        };
    }

    private Map<String, Object> view(AgentRecord a) {
        Map<String, Object> m = a.toFields();
        runtime.status(a.agentId()).ifPresent(s -> {
            Map<String, Object> state = s.toMessage();
            state.remove("type");
            state.remove("agent_id");
            m.put("state", state);
        });
        return m;
    }
}
