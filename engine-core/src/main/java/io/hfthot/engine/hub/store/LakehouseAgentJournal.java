package io.hfthot.engine.hub.store;

import io.hfthot.engine.hub.agents.AgentJournal;
import io.hfthot.engine.hub.agents.LogEntry;
import io.hfthot.engine.hub.agents.TradeEvent;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link AgentJournal} in the Delta tables {@code hub.agent_trades} and {@code hub.agent_logs}, write-behind:
 * writes go to memory at once and to the lakehouse at {@link #flush} (one commit per table per flush, so a
 * thousand agents ticking every second cost one commit per flush rather than one per trade). Reads are served
 * from memory: all trades per agent, and the last {@value #LOGS_KEPT} log lines per agent. A crash loses at most
 * what was written since the last flush. Thread-safe.
 */
public final class LakehouseAgentJournal implements AgentJournal {
    /** The trades table. */
    public static final String TRADES = "hub.agent_trades";
    /** The logs table. */
    public static final String LOGS = "hub.agent_logs";
    /** The trades schema. */
    public static final Schema TRADES_SCHEMA = Schema.of(Field.required("trade_id", DataType.STRING),
            Field.required("agent_id", DataType.STRING), Field.required("action", DataType.STRING),
            Field.required("quantity", DataType.DOUBLE), Field.required("price", DataType.DOUBLE),
            Field.required("pnl", DataType.DOUBLE), Field.required("reason", DataType.STRING),
            Field.required("at", DataType.TIMESTAMP));
    /** The logs schema. */
    public static final Schema LOGS_SCHEMA = Schema.of(Field.required("agent_id", DataType.STRING),
            Field.required("at", DataType.TIMESTAMP), Field.required("level", DataType.STRING),
            Field.required("message", DataType.STRING));
    /** Log lines kept in memory per agent. */
    public static final int LOGS_KEPT = 200;

    private final HubTable trades;
    private final HubTable logs;
    private final Map<String, List<TradeEvent>> tradesByAgent = new ConcurrentHashMap<>();
    private final Map<String, Deque<LogEntry>> logsByAgent = new ConcurrentHashMap<>();
    private final Object pendingLock = new Object();
    private List<Object[]> pendingTrades = new ArrayList<>();
    private List<Object[]> pendingLogs = new ArrayList<>();

    private LakehouseAgentJournal(HubTable trades, HubTable logs) {
        this.trades = trades;
        this.logs = logs;
    }

    /**
     * Opens the journal, creating the tables when missing and loading trades and recent logs.
     *
     * @param lakehouse the lakehouse
     * @return the journal
     */
    public static LakehouseAgentJournal open(Lakehouse lakehouse) {
        LakehouseAgentJournal j = new LakehouseAgentJournal(new HubTable(lakehouse, TRADES, TRADES_SCHEMA),
                new HubTable(lakehouse, LOGS, LOGS_SCHEMA));
        List<TradeEvent> all = new ArrayList<>();
        for (Row r : j.trades.rows()) {
            all.add(new TradeEvent(r.getString("trade_id"), r.getString("agent_id"), r.getString("action"),
                    r.getDouble("quantity"), r.getDouble("price"), r.getDouble("pnl"), r.getString("reason"),
                    (Instant) r.get("at")));
        }
        // Trade ids end in the agent's trade number: that order is the agent's order, whatever the files' order.
        all.sort(Comparator.comparing(TradeEvent::agentId).thenComparingLong(LakehouseAgentJournal::number));
        all.forEach(j::remember);
        List<LogEntry> lines = new ArrayList<>();
        for (Row r : j.logs.rows()) {
            lines.add(new LogEntry(r.getString("agent_id"), (Instant) r.get("at"), r.getString("level"),
                    r.getString("message")));
        }
        lines.sort(Comparator.comparing(LogEntry::at));
        lines.forEach(j::remember);
        return j;
    }

    private static long number(TradeEvent t) {
        String id = t.tradeId();
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }

    private void remember(TradeEvent t) {
        List<TradeEvent> list = tradesByAgent.computeIfAbsent(t.agentId(), k -> new ArrayList<>());
        synchronized (list) {
            list.add(t);
        }
    }

    private void remember(LogEntry e) {
        Deque<LogEntry> d = logsByAgent.computeIfAbsent(e.agentId(), k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(e);
            if (d.size() > LOGS_KEPT) {
                d.removeFirst();
            }
        }
    }

    @Override
    public void trade(TradeEvent t) {
        remember(t);
        synchronized (pendingLock) {
            pendingTrades.add(new Object[] {t.tradeId(), t.agentId(), t.action(), t.quantity(), t.price(), t.pnl(),
                t.reason(), t.at()});
        }
    }

    @Override
    public void logs(List<LogEntry> lines) {
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (LogEntry e : lines) {
            remember(e);
            rows.add(new Object[] {e.agentId(), e.at(), e.level(), e.message()});
        }
        synchronized (pendingLock) {
            pendingLogs.addAll(rows);
        }
    }

    @Override
    public List<TradeEvent> trades(String agentId) {
        List<TradeEvent> list = tradesByAgent.get(agentId);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    @Override
    public List<LogEntry> recentLogs(String agentId, int limit) {
        Deque<LogEntry> d = logsByAgent.get(agentId);
        if (d == null) {
            return List.of();
        }
        synchronized (d) {
            List<LogEntry> all = new ArrayList<>(d);
            return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        }
    }

    @Override
    public synchronized void flush() {
        List<Object[]> t;
        List<Object[]> l;
        synchronized (pendingLock) {
            t = pendingTrades;
            l = pendingLogs;
            pendingTrades = new ArrayList<>();
            pendingLogs = new ArrayList<>();
        }
        try {
            trades.append(t);
        } catch (RuntimeException e) {
            requeue(t, true);
            requeue(l, false);
            throw e;
        }
        try {
            logs.append(l);
        } catch (RuntimeException e) {
            requeue(l, false);
            throw e;
        }
    }

    /** Puts rows back in front of what was written meanwhile, so a failed flush loses nothing. */
    private void requeue(List<Object[]> rows, boolean isTrades) {
        synchronized (pendingLock) {
            List<Object[]> target = isTrades ? pendingTrades : pendingLogs;
            target.addAll(0, rows);
        }
    }
}
