package io.hfthot.engine.marketmaker;

import io.hfthot.engine.storage.StorageGuard;
import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot's session in the lakehouse: the append-only Delta table {@value #TABLE}, one row per event (kind
 * {@code START}, {@code FILL}, {@code STATE}, {@code PARAMETERS}, {@code EMERGENCY_STOP}, {@code CLOSE}), each row
 * carrying the whole session state after the event (parameters, ledger, strike), {@code FILL} rows also the
 * execution. Every fill is therefore a row ({@code SELECT * FROM marketmaker.session WHERE kind = 'FILL'}), and
 * the last row by {@code seq} is the session to restore.
 *
 * <p>Rows are buffered and committed by {@link #flush()} (one commit per flush; the service flushes every second,
 * and before a parameter change or an emergency stop returns). A crash, SIGKILL included, loses at most the rows
 * not flushed yet; since every row is a full state and the simulated venue's orders die with the process, the
 * restored session is a consistent earlier state, never a mix.
 *
 * <p>Every commit goes through the engine's {@link StorageGuard}: while the data directory is read-only (full
 * disk) rows stay buffered and {@link #flush()} and {@link #audit} throw its {@code SERVICE_UNAVAILABLE} refusal.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class SessionJournal {
    /** The session table. */
    public static final String TABLE = "marketmaker.session";
    /** The audit table of controls: emergency stops and parameter changes. */
    public static final String AUDIT_TABLE = "marketmaker.audit";
    /** The session table's schema. */
    public static final Schema SCHEMA = Schema.of(
            Field.required("seq", DataType.LONG), Field.required("ts", DataType.TIMESTAMP),
            Field.required("kind", DataType.STRING),
            Field.of("fill_id", DataType.LONG), Field.of("order_id", DataType.LONG), Field.of("side", DataType.STRING),
            Field.of("price", DataType.DOUBLE), Field.of("size", DataType.DOUBLE), Field.of("liquidity", DataType.STRING),
            Field.of("fee_usd", DataType.DOUBLE),
            Field.required("spread_offset", DataType.DOUBLE), Field.required("order_size", DataType.LONG),
            Field.required("max_position", DataType.LONG), Field.required("min_liquidity", DataType.DOUBLE),
            Field.required("is_running", DataType.BOOLEAN),
            Field.required("starting_cash", DataType.DOUBLE), Field.required("cash", DataType.DOUBLE),
            Field.required("inventory", DataType.DOUBLE), Field.required("trading_cash_flow", DataType.DOUBLE),
            Field.required("fees_usd", DataType.DOUBLE), Field.required("gas_usd", DataType.DOUBLE),
            Field.required("matic_balance", DataType.DOUBLE), Field.required("session_volume", DataType.DOUBLE),
            Field.required("trades_count", DataType.LONG), Field.required("placements", DataType.LONG),
            Field.required("order_updates", DataType.LONG), Field.required("strike", DataType.DOUBLE));
    /** The audit table's schema. */
    public static final Schema AUDIT_SCHEMA = Schema.of(
            Field.required("ts", DataType.TIMESTAMP), Field.required("event", DataType.STRING),
            Field.of("reason", DataType.STRING), Field.required("detail", DataType.STRING));

    private final Lakehouse lakehouse;
    private final StorageGuard storage;
    private final List<Object[]> pending = new ArrayList<>();
    private long nextSeq;

    private SessionJournal(Lakehouse lakehouse, StorageGuard storage, long nextSeq) {
        this.lakehouse = lakehouse;
        this.storage = storage;
        this.nextSeq = nextSeq;
    }

    /**
     * Opens the journal, creating both tables when missing.
     *
     * @param lakehouse the lakehouse
     * @param storage   the guard every commit goes through
     * @return the journal and the last recorded session, if any
     */
    public static Opened open(Lakehouse lakehouse, StorageGuard storage) {
        Objects.requireNonNull(lakehouse, "lakehouse");
        Objects.requireNonNull(storage, "storage");
        if (storage.writable()) {
            createMissing(lakehouse);
        }
        Row last = null;
        for (Row r : lakehouse.exists(TABLE) ? lakehouse.read(TABLE).rows() : List.<Row>of()) {
            if (last == null || r.getLong("seq") > last.getLong("seq")) {
                last = r;
            }
        }
        SessionRecord session = last == null ? null : new SessionRecord(
                new BotParameters(last.getDouble("spread_offset"), (int) last.getLong("order_size"),
                        (int) last.getLong("max_position"), last.getDouble("min_liquidity"),
                        (Boolean) last.get("is_running")),
                new LedgerState(last.getDouble("starting_cash"), last.getDouble("cash"), last.getDouble("inventory"),
                        last.getDouble("trading_cash_flow"), last.getDouble("fees_usd"), last.getDouble("gas_usd"),
                        last.getDouble("matic_balance"), last.getDouble("session_volume"), last.getLong("trades_count"),
                        last.getLong("placements"), last.getLong("order_updates")),
                last.getDouble("strike"), last.getLong("seq"));
        return new Opened(new SessionJournal(lakehouse, storage, session == null ? 1 : session.sequence() + 1),
                Optional.ofNullable(session));
    }

    /** Creates the tables a read-only start could not create. */
    private static void createMissing(Lakehouse lakehouse) {
        for (Map.Entry<String, Schema> t : Map.of(TABLE, SCHEMA, AUDIT_TABLE, AUDIT_SCHEMA).entrySet()) {
            lakehouse.createTableIfAbsent(t.getKey(), t.getValue(), List.of(), Map.of("delta.appendOnly", "true"));
        }
    }

    /**
     * The journal and what it held.
     *
     * @param journal the journal
     * @param last    the last recorded session, empty for a new one
     */
    public record Opened(SessionJournal journal, Optional<SessionRecord> last) {
    }

    /**
     * Buffers one row.
     *
     * @param kind   the event
     * @param at     its time
     * @param fill   the execution for {@code FILL} rows, else null
     * @param params the parameters after the event
     * @param ledger the ledger after the event
     * @param strike the token's strike
     */
    public synchronized void record(String kind, Instant at, Fill fill, BotParameters params, LedgerState ledger,
                                    double strike) {
        pending.add(new Object[] {nextSeq++, at, kind,
            fill == null ? null : fill.fillId(), fill == null ? null : fill.orderId(),
            fill == null ? null : fill.side().name(), fill == null ? null : fill.price(),
            fill == null ? null : fill.size(), fill == null ? null : fill.liquidity().name(),
            fill == null ? null : fill.feeUsd(),
            params.spreadOffset(), (long) params.orderSize(), (long) params.maxPosition(), params.minLiquidity(),
            params.running(), ledger.startingCash(), ledger.cash(), ledger.inventory(), ledger.tradingCashFlow(),
            ledger.feesUsd(), ledger.gasUsd(), ledger.maticBalance(), ledger.sessionVolume(), ledger.tradesCount(),
            ledger.placements(), ledger.orderUpdates(), strike});
    }

    /**
     * Commits the buffered rows in one commit; on failure they stay buffered for the next flush.
     *
     * @return rows committed
     * @throws io.hfthot.engine.EngineException SERVICE_UNAVAILABLE while the data directory takes no writes
     */
    public synchronized int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        ColumnBatch.Builder b = ColumnBatch.builder(SCHEMA);
        for (Object[] row : pending) {
            b.addRow(row);
        }
        ColumnBatch batch = b.build();
        storage.write("recording the market maker's session", () -> {
            createMissing(lakehouse);
            return lakehouse.table(TABLE).append(batch);
        });
        int n = pending.size();
        pending.clear();
        return n;
    }

    /** @return rows buffered and not yet committed */
    public synchronized int pendingRows() {
        return pending.size();
    }

    /**
     * Writes one audit row now (one commit).
     *
     * @param at     the time
     * @param event  {@code EMERGENCY_STOP} or {@code PARAMETERS_UPDATED}
     * @param reason the caller's reason, or null
     * @param detail what changed
     * @throws io.hfthot.engine.EngineException SERVICE_UNAVAILABLE while the data directory takes no writes
     */
    public void audit(Instant at, String event, String reason, String detail) {
        ColumnBatch row = ColumnBatch.builder(AUDIT_SCHEMA).addRow(at, event, reason, detail).build();
        storage.write("auditing a market-maker control", () -> {
            createMissing(lakehouse);
            return lakehouse.table(AUDIT_TABLE).append(row);
        });
    }
}
