package io.hfthot.engine.hub.store;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One append-only Delta table of the hub: created on first use with {@code delta.appendOnly}, appended one
 * commit per call, read back whole at open. Shared by every lakehouse hub store so none repeats the plumbing.
 *
 * @param lakehouse the lakehouse
 * @param name      the table name, e.g. {@code hub.users}
 * @param schema    the schema
 */
public record HubTable(Lakehouse lakehouse, String name, Schema schema) {
    /** Validates and creates the table when it is missing. */
    public HubTable {
        Objects.requireNonNull(lakehouse, "lakehouse");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        lakehouse.createTableIfAbsent(name, schema, List.of(), Map.of("delta.appendOnly", "true"));
    }

    /**
     * Returns every row committed so far.
     *
     * @return the rows
     */
    public List<Row> rows() {
        return lakehouse.read(name).rows();
    }

    /**
     * Appends rows in one commit; nothing is written for an empty list.
     *
     * @param rows the rows, values in schema order
     */
    public void append(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ColumnBatch.Builder b = ColumnBatch.builder(schema);
        for (Object[] r : rows) {
            b.addRow(r);
        }
        lakehouse.table(name).append(b.build());
    }

    /**
     * Appends one row in one commit.
     *
     * @param values the values in schema order
     */
    public void append(Object... values) {
        append(List.<Object[]>of(values));
    }
}
