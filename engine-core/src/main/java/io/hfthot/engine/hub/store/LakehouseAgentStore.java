package io.hfthot.engine.hub.store;

import io.hfthot.engine.hub.agents.AgentRecord;
import io.hfthot.engine.hub.agents.AgentSpec;
import io.hfthot.engine.hub.agents.AgentStatus;
import io.hfthot.engine.hub.agents.AgentStore;
import io.hfthot.engine.hub.agents.RiskParams;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An {@link AgentStore} in the Delta table {@code hub.agents}: every save appends the agent's whole row with the
 * next {@code seq}; replay keeps each agent's row of highest {@code seq}. Deleted agents stay in the log (for
 * audit, and time travel shows them) and are hidden. Thread-safe: saves serialize on this instance.
 */
public final class LakehouseAgentStore implements AgentStore {
    /** The table name. */
    public static final String TABLE = "hub.agents";
    /** The table schema. */
    public static final Schema SCHEMA = Schema.of(Field.required("seq", DataType.LONG),
            Field.required("agent_id", DataType.STRING), Field.required("owner_id", DataType.STRING),
            Field.required("symbol", DataType.STRING), Field.required("strategy_name", DataType.STRING),
            Field.required("interval_seconds", DataType.LONG), Field.required("max_position", DataType.DOUBLE),
            Field.required("stop_loss_pct", DataType.DOUBLE), Field.required("take_profit_pct", DataType.DOUBLE),
            Field.required("daily_loss_limit", DataType.DOUBLE), Field.required("status", DataType.STRING),
            Field.of("reason", DataType.STRING), Field.required("created_at", DataType.TIMESTAMP),
            Field.required("updated_at", DataType.TIMESTAMP));

    private final HubTable table;
    private final Map<String, AgentRecord> index = new ConcurrentHashMap<>();
    private long seq;

    private LakehouseAgentStore(HubTable table) {
        this.table = table;
    }

    /**
     * Opens the store, creating the table when missing and replaying it.
     *
     * @param lakehouse the lakehouse
     * @return the store
     */
    public static LakehouseAgentStore open(Lakehouse lakehouse) {
        LakehouseAgentStore store = new LakehouseAgentStore(new HubTable(lakehouse, TABLE, SCHEMA));
        List<Row> rows = new ArrayList<>(store.table.rows());
        rows.sort(Comparator.comparingLong(r -> r.getLong("seq")));
        for (Row r : rows) {
            AgentSpec spec = new AgentSpec(r.getString("symbol"), r.getString("strategy_name"),
                    (int) r.getLong("interval_seconds"), false, new RiskParams(r.getDouble("max_position"),
                    r.getDouble("stop_loss_pct"), r.getDouble("take_profit_pct"), r.getDouble("daily_loss_limit")));
            AgentRecord a = new AgentRecord(r.getString("agent_id"), r.getString("owner_id"), spec,
                    AgentStatus.parse(r.getString("status")), r.getString("reason"), (Instant) r.get("created_at"),
                    (Instant) r.get("updated_at"));
            store.index.put(a.agentId(), a);
            store.seq = Math.max(store.seq, r.getLong("seq"));
        }
        return store;
    }

    @Override
    public synchronized void save(AgentRecord a) {
        RiskParams risk = a.spec().risk();
        table.append(++seq, a.agentId(), a.ownerId(), a.spec().symbol(), a.spec().strategyName(),
                (long) a.spec().intervalSeconds(), risk.maxPosition(), risk.stopLossPct(), risk.takeProfitPct(),
                risk.dailyLossLimit(), a.status().wire(), a.reason(), a.createdAt(), a.updatedAt());
        index.put(a.agentId(), a);
    }

    @Override
    public Optional<AgentRecord> find(String agentId) {
        return Optional.ofNullable(index.get(agentId)).filter(a -> a.status() != AgentStatus.DELETED);
    }

    @Override
    public List<AgentRecord> byOwner(String ownerId) {
        return select(a -> a.ownerId().equals(ownerId) && a.status() != AgentStatus.DELETED);
    }

    @Override
    public List<AgentRecord> byStatus(AgentStatus status) {
        return status == AgentStatus.DELETED ? List.of() : select(a -> a.status() == status);
    }

    private List<AgentRecord> select(Predicate<AgentRecord> p) {
        return index.values().stream().filter(p)
                .sorted(Comparator.comparing(AgentRecord::createdAt).thenComparing(AgentRecord::agentId))
                .collect(Collectors.toUnmodifiableList());
    }
}
