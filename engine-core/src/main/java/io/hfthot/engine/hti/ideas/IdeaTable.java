package io.hfthot.engine.hti.ideas;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.OptimizeResult;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Delta table {@code hti.ideas}: every revision of every trade idea, one row each, appended (one commit per
 * generator pass) before the revisions are served or streamed. The table is append-only, so time travel
 * ({@code VERSION AS OF}, {@code TIMESTAMP AS OF}) shows which ideas existed, with which levels, at any instant.
 *
 * <p>Each pass adds one small file, so the table is compacted as the market tables are ({@link #compact}: the
 * lakehouse's {@code OPTIMIZE}, a commit that changes no row, allowed on an append-only table because its removes
 * carry {@code dataChange: false}) and the replaced files are vacuumed once older than the table's deleted-file
 * retention (7 days by default), until when time travel to the versions before a compaction still reads them.
 */
public final class IdeaTable {
    /** The table name. */
    public static final String TABLE = "hti.ideas";
    /** The table schema. */
    public static final Schema SCHEMA = Schema.of(
            Field.required("id", DataType.LONG), Field.required("revision", DataType.LONG),
            Field.required("idea_id", DataType.STRING), Field.required("instrument", DataType.STRING),
            Field.required("timeframe", DataType.STRING), Field.required("asset_class", DataType.STRING),
            Field.required("side", DataType.STRING), Field.required("open_order_type", DataType.STRING),
            Field.required("prefix", DataType.STRING), Field.required("regime", DataType.STRING),
            Field.required("confidence", DataType.DOUBLE), Field.required("estimated_pl", DataType.DOUBLE),
            Field.required("price", DataType.DOUBLE), Field.required("take_profit", DataType.DOUBLE),
            Field.required("stop_loss", DataType.DOUBLE), Field.required("creation_time", DataType.TIMESTAMP),
            Field.required("last_update", DataType.TIMESTAMP), Field.required("expiration_time", DataType.TIMESTAMP),
            Field.required("status", DataType.STRING), Field.required("description", DataType.STRING));

    private final Lakehouse lakehouse;

    private IdeaTable(Lakehouse lakehouse) {
        this.lakehouse = lakehouse;
    }

    /**
     * Opens the table, creating it when missing.
     *
     * @param lakehouse the lakehouse
     * @return the table
     */
    public static IdeaTable open(Lakehouse lakehouse) {
        Objects.requireNonNull(lakehouse, "lakehouse");
        lakehouse.createTableIfAbsent(TABLE, SCHEMA, List.of(), Map.of("delta.appendOnly", "true"));
        return new IdeaTable(lakehouse);
    }

    /**
     * Appends revisions in one commit.
     *
     * @param revisions the revisions; nothing is written when empty
     */
    public void append(Collection<TradeIdea> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        ColumnBatch.Builder batch = ColumnBatch.builder(SCHEMA);
        for (TradeIdea i : revisions) {
            batch.addRow(i.id(), (long) i.revision(), i.ideaId(), i.instrument(), i.timeframe().name(), i.assetClass(),
                    i.side(), i.orderType(), i.prefix(), i.regime(), i.confidence(), i.estimatedPl(), i.price(),
                    i.takeProfit(), i.stopLoss(), i.creationTime(), i.lastUpdate(), i.expirationTime(),
                    i.status().wireName(), i.description());
        }
        lakehouse.table(TABLE).append(batch.build());
    }

    /**
     * Compacts the table's small files into files of about {@code targetBytes} in one commit that changes no row.
     *
     * @param targetBytes target size of a compacted file (&gt; 0)
     * @return the lakehouse's result ({@code committed} false when there was nothing to compact)
     */
    public OptimizeResult compact(long targetBytes) {
        return lakehouse.table(TABLE).optimize(targetBytes, null);
    }

    /**
     * Deletes the files compactions replaced longer ago than the table's {@code delta.deletedFileRetentionDuration}
     * (7 days by default); time travel to versions that read them then fails, saying why.
     *
     * @return the number of files deleted
     */
    public int vacuum() {
        return lakehouse.table(TABLE).vacuum().deletedFiles().size();
    }

    /**
     * Reads the latest revision of every idea.
     *
     * @return by id
     */
    public Map<Long, TradeIdea> latest() {
        Map<Long, TradeIdea> out = new HashMap<>();
        for (Row r : lakehouse.read(TABLE).rows()) {
            TradeIdea idea = new TradeIdea(r.getLong("id"), (int) r.getLong("revision"), r.getString("instrument"),
                    Timeframe.parse(r.getString("timeframe")), r.getString("asset_class"), r.getString("side"),
                    r.getString("open_order_type"), r.getString("prefix"), r.getString("regime"),
                    r.getDouble("confidence"), r.getDouble("estimated_pl"), r.getDouble("price"),
                    r.getDouble("take_profit"), r.getDouble("stop_loss"), (Instant) r.get("creation_time"),
                    (Instant) r.get("last_update"), (Instant) r.get("expiration_time"),
                    IdeaStatus.parse(r.getString("status")), r.getString("description"));
            out.merge(idea.id(), idea, (a, b) -> a.revision() >= b.revision() ? a : b);
        }
        return out;
    }
}
